using Parler.Core.Facts;
using Parler.Core.IO;
using Parler.Hub.Errors;

namespace Parler.Hub.Blobs;

/// <summary>The upload loop every store shares (<see cref="HashingCopy"/>), with the hub's size limit and its error.</summary>
internal static class BlobIntake
{
    public const int BufferBytes = HashingCopy.BufferBytes;

    /// <summary>
    /// Reads <paramref name="source"/> to its end, refusing past <paramref name="maxBytes"/> with blob_too_large, and
    /// passes each piece to <paramref name="write"/>; returns the SHA-256 (hex) and size.
    /// </summary>
    public static Task<(string Hash, long Size)> CopyAsync(
        Stream source, long maxBytes, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> write, CancellationToken cancellationToken) =>
        HashingCopy.CopyAsync(source, maxBytes, write, () => TooLarge(maxBytes), cancellationToken);

    public static HubException TooLarge(long maxBytes) => new(
        ErrorCodes.BlobTooLarge,
        $"The blob is over {maxBytes} bytes ({BlobBody.Size(maxBytes)}), this hub's limit for one upload. " +
        "Send a smaller file, or push a shorter range with --base.");
}
