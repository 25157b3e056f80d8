using Microsoft.Extensions.Hosting;

namespace Parler.Hub;

/// <summary>
/// Housekeeping the hub runs on a timer (sweeping ended quota windows, collecting unshared blobs): one run each period,
/// a failed run reported and tried again at the next tick, quiet when the hub stops.
/// </summary>
internal abstract class PeriodicChore(TimeSpan every, TimeProvider time) : BackgroundService
{
    /// <summary>The hub's clock, for the chore's own reckoning.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>One run of the chore.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>A run failed; the next tick tries again.</summary>
    protected abstract void Failed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Failed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The hub is stopping.
        }
    }
}
