using Parler.Client;

namespace Parler.Cli.Commands;

/// <summary>
/// Rides out a hub restart the way <c>recv --watch</c> does: a long-running verb (<c>serve</c>, <c>work</c>) that loses the
/// hub says so once per outage, waits with a growing pause (up to 3 s) and carries on where it was, instead of exiting.
/// </summary>
internal sealed class HubOutage(CliHost host)
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(200);
    private TimeSpan _delay = First;

    /// <summary>The hub could not be reached, or answered with a retryable refusal (shutting down, unavailable).</summary>
    public static bool IsOutage(Exception ex) => ex is HubClientException { Retryable: true };

    public async Task WaitAsync(Exception ex, string resuming, CancellationToken cancellationToken)
    {
        if (_delay == First)
        {
            await host.Error.WriteLineAsync($"parler: connection to the hub lost ({ex.Message}); reconnecting, then {resuming}");
        }

        await Task.Delay(_delay, host.Time, cancellationToken);
        _delay = TimeSpan.FromMilliseconds(Math.Min(_delay.TotalMilliseconds * 2, 3000));
    }

    /// <summary>The hub answered again.</summary>
    public void Reset() => _delay = First;
}
