using System.Buffers;
using System.Security.Cryptography;
using Parler.Core.Facts;
using Parler.Core.Protocol;
using Parler.Hub.Errors;

namespace Parler.Hub.Blobs;

/// <summary>
/// Content-addressed blobs on the hub's disk, beside its database: <c>blobs/ab/abcd…</c> named by their SHA-256.
/// An upload streams into a temporary file while it is hashed and counted, then is renamed into place; nothing is
/// ever held whole in memory.
/// </summary>
internal sealed class BlobStore(string directory)
{
    public const int BufferBytes = 128 * 1024;

    public string PathOf(string hash) => Path.Combine(directory, hash[..2], hash);

    /// <summary>Streams <paramref name="source"/> to disk; more than <paramref name="maxBytes"/> is refused and nothing kept.</summary>
    public async Task<BlobView> SaveAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(directory, "tmp");
        Directory.CreateDirectory(temporary);
        var partPath = Path.Combine(temporary, Guid.NewGuid().ToString("N"));
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var part = new FileStream(partPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }

                    hasher.AppendData(buffer, 0, read);
                    await part.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                part.Flush(flushToDisk: true);
            }

            var hash = Convert.ToHexStringLower(hasher.GetHashAndReset());
            var finalPath = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            File.Move(partPath, finalPath, overwrite: true);
            return new BlobView(hash, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            File.Delete(partPath);
        }
    }

    /// <summary>The blob's size on disk, or null when this hub does not hold it.</summary>
    public long? SizeOf(string hash)
    {
        if (!BlobBody.IsHash(hash))
        {
            return null;
        }

        var file = new FileInfo(PathOf(hash));
        return file.Exists ? file.Length : null;
    }

    public FileStream OpenRead(string hash) =>
        new(PathOf(hash), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public static HubException TooLarge(long maxBytes) => new(
        ErrorCodes.BlobTooLarge,
        $"The blob is over {maxBytes} bytes ({BlobBody.Size(maxBytes)}), this hub's limit for one upload. " +
        "Send a smaller file, or push a shorter range with --base.");
}
