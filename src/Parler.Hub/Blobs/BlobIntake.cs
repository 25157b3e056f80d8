using System.Buffers;
using System.Security.Cryptography;
using Parler.Core.Facts;
using Parler.Hub.Errors;

namespace Parler.Hub.Blobs;

/// <summary>The upload loop every store shares: read, count against the limit, hash, and hand each piece on.</summary>
internal static class BlobIntake
{
    public const int BufferBytes = 128 * 1024;

    /// <summary>
    /// Reads <paramref name="source"/> to its end in pieces of at most <see cref="BufferBytes"/>, refusing past
    /// <paramref name="maxBytes"/>, and passes each piece to <paramref name="write"/>; returns the SHA-256 (hex) and size.
    /// </summary>
    public static async Task<(string Hash, long Size)> CopyAsync(
        Stream source, long maxBytes, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                hasher.AppendData(buffer, 0, read);
                await write(buffer.AsMemory(0, read), cancellationToken);
            }

            return (Convert.ToHexStringLower(hasher.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static HubException TooLarge(long maxBytes) => new(
        ErrorCodes.BlobTooLarge,
        $"The blob is over {maxBytes} bytes ({BlobBody.Size(maxBytes)}), this hub's limit for one upload. " +
        "Send a smaller file, or push a shorter range with --base.");
}
