using Microsoft.Extensions.Logging;
using Parler.Hub.Storage;

namespace Parler.Hub.Blobs;

/// <summary>
/// Collects blobs nobody can read: stored more than <see cref="Grace"/> ago and never shared into a room (an upload whose
/// file or bundle post never came: a client that died, or an abuser filling the disk). A blob shared into any room is
/// never collected, nor one stored (or stored again) within the grace period, nor an upload still streaming (it is not
/// in the store until it is whole). Each blob is checked and deleted inside a write, so a share committing at the same
/// moment either sees the blob or is refused with "upload it first". The uploader may upload the same bytes again.
/// </summary>
internal sealed partial class BlobCollector(IHubStore store, IBlobStore blobs, TimeProvider time, ILogger<BlobCollector> logger)
    : PeriodicChore(Every, time)
{
    public static readonly TimeSpan Grace = TimeSpan.FromHours(24);

    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>At most this many blobs a run: a huge backlog drains over several runs.</summary>
    public const int MaxPerRun = 1000;

    /// <summary>One run: deletes every unshared blob older than the grace period (up to the run's bound); says how many went.</summary>
    public static async Task<int> CollectOnceAsync(IHubStore store, IBlobStore blobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - Grace;
        var collected = 0;
        foreach (var hash in await blobs.StoredBeforeAsync(before, MaxPerRun, cancellationToken))
        {
            var gone = await store.WriteAsync(
                async (_, ct) => !await store.IsBlobSharedAsync(hash, ct) && await blobs.DeleteIfStoredBeforeAsync(hash, before, ct),
                cancellationToken);
            collected += gone ? 1 : 0;
        }

        return collected;
    }

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var collected = await CollectOnceAsync(store, blobs, Time, cancellationToken);
        if (collected > 0)
        {
            Log.Collected(logger, collected);
        }
    }

    protected override void Failed(Exception exception) => Log.CollectFailed(logger, exception.GetType().Name, exception.Message);

    private static partial class Log
    {
        [LoggerMessage(EventId = 131, Level = LogLevel.Information, Message = "Collected {Count} blobs that no room references, stored more than a day ago.")]
        public static partial void Collected(ILogger logger, int count);

        [LoggerMessage(EventId = 132, Level = LogLevel.Debug, Message = "Collecting unshared blobs failed ({Kind}: {Reason}); the next run tries again.")]
        public static partial void CollectFailed(ILogger logger, string kind, string reason);
    }
}
