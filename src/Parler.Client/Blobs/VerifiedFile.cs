using Parler.Core.Facts;
using Parler.Core.IO;

namespace Parler.Client.Blobs;

/// <summary>
/// Writes a downloaded stream to a temporary file beside its target, hashing as it goes, and renames it into place
/// only when the bytes match the id they were asked for. On a mismatch or a broken stream nothing is left behind.
/// </summary>
internal static class VerifiedFile
{
    public static async Task<long> WriteAsync(Stream source, string hash, long? expectedSize, string target, bool overwrite, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var partPath = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        try
        {
            long written = 0;
            string actual;
            long size;
            await using (var part = new FileStream(partPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                try
                {
                    (actual, size) = await HashingCopy.CopyAsync(
                        source,
                        async (piece, ct) =>
                        {
                            await part.WriteAsync(piece, ct);
                            written += piece.Length;
                        },
                        cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException)
                {
                    throw new HandoffException($"The download of {hash} broke off after {written} bytes ({ex.Message}); nothing was written. The hub's copy may be damaged; retry, or ask the sender to send it again.", ex);
                }
            }

            if (actual != hash || (expectedSize is { } expected && expected != size))
            {
                throw new HandoffException($"The downloaded bytes do not match blob {hash} (got SHA-256 {actual}, {size} bytes); nothing was written. Ask the sender to send it again.");
            }

            try
            {
                File.Move(partPath, target, overwrite);
            }
            catch (IOException) when (!overwrite && File.Exists(target))
            {
                throw Exists(target);
            }

            return size;
        }
        finally
        {
            File.Delete(partPath);
        }
    }

    public static HandoffException Exists(string target) =>
        new($"{target} already exists; nothing was written. Pass --force to replace it, or -o another path.");

    public static bool IsBlobId(string text) => BlobBody.IsHash(text);
}
