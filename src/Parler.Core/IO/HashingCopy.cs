using System.Buffers;
using System.Security.Cryptography;

namespace Parler.Core.IO;

/// <summary>The one streaming copy of blob bytes, on the hub and in the client: read, count, hash, hand each piece on.</summary>
internal static class HashingCopy
{
    public const int BufferBytes = 128 * 1024;

    /// <summary>The same copy without a size limit.</summary>
    public static Task<(string Hash, long Size)> CopyAsync(
        Stream source, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write, CancellationToken cancellationToken) =>
        CopyAsync(source, long.MaxValue, write, static () => new InvalidOperationException("No stream is longer than long.MaxValue."), cancellationToken);

    /// <summary>
    /// Reads <paramref name="source"/> to its end in pieces of at most <see cref="BufferBytes"/> and passes each to
    /// <paramref name="write"/>; past <paramref name="maxBytes"/> it throws what <paramref name="tooLarge"/> makes.
    /// Returns the SHA-256 (lower-case hex) and the size.
    /// </summary>
    public static async Task<(string Hash, long Size)> CopyAsync(
        Stream source,
        long maxBytes,
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write,
        Func<Exception> tooLarge,
        CancellationToken cancellationToken)
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
                    throw tooLarge();
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
}
