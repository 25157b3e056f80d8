using Microsoft.Extensions.Logging;
using Parler.Hub.Storage;

namespace Parler.Hub.Limits;

/// <summary>
/// Deletes quota windows that have ended (begun more than <see cref="HubLimits.LongestWindow"/> ago), so
/// <c>rate_windows</c> holds about one window's rows per subject and rule instead of growing for ever. Separate from
/// charging: it runs every few minutes through the writer, in small batches, and never touches a window that never
/// resets (rooms owned, stored bytes) or one still running.
/// </summary>
internal sealed partial class WindowSweeper(IHubStore store, TimeProvider time, ILogger<WindowSweeper> logger)
    : PeriodicChore(Every, time)
{
    public const int BatchSize = 500;

    /// <summary>At most this many batches a run: a huge backlog drains over several runs instead of holding the writer.</summary>
    public const int MaxBatchesPerRun = 20;

    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    /// <summary>One run: deletes ended windows in batches until none is left or the run's bound is reached; says how many went.</summary>
    public static async Task<int> SweepOnceAsync(IHubStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().ToUnixTimeMilliseconds() - (long)HubLimits.LongestWindow.TotalMilliseconds;
        var total = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var gone = await store.WriteAsync((w, ct) => w.SweepWindowsAsync(before, BatchSize, ct), cancellationToken);
            total += gone;
            if (gone < BatchSize)
            {
                break;
            }
        }

        return total;
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SweepOnceAsync(store, Time, cancellationToken);

    // A record that takes no writes says so through its health; the next run tries again.
    protected override void Failed(Exception exception) => Log.SweepFailed(logger, exception.GetType().Name, exception.Message);

    private static partial class Log
    {
        [LoggerMessage(EventId = 130, Level = LogLevel.Debug, Message = "Sweeping ended quota windows failed ({Kind}: {Reason}); the next run tries again.")]
        public static partial void SweepFailed(ILogger logger, string kind, string reason);
    }
}
