using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using Parler.Mcp.Hub;

namespace Parler.Mcp.Session;

/// <summary>
/// With PARLER_SESSION_KEY set, knocks on the session as soon as the server starts, in the background so that
/// <c>initialize</c> never waits on the hub. An unreachable hub is retried with backoff; the answer lands in
/// <see cref="SessionState"/>, where parler_join_session and the session resource read it.
/// </summary>
internal sealed partial class SessionKnocker(HubConnection hub, SessionState session, ILogger<SessionKnocker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (session.Key is not { } key)
        {
            return;
        }

        await Task.Yield();
        var delay = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var answer = await hub.RunAsync(client => client.RedeemInviteAsync(key, stoppingToken), stoppingToken);
                if (answer.Room.Role == "owner")
                {
                    var detail = Tools.SessionTools.SameIdentity(answer.Room.Name);
                    session.Set(new SessionSnapshot(SessionStatus.Refused, answer.Room.Id, answer.Room.Name, detail));
                    LogRefused(logger, detail);
                    return;
                }

                var approved = answer.Status != "pending";
                session.Set(new SessionSnapshot(approved ? SessionStatus.Approved : SessionStatus.Pending, answer.Room.Id, answer.Room.Name, null));
                LogKnocked(logger, answer.Room.Id, answer.Status);
                return;
            }
            catch (HubUnreachableException)
            {
                LogHubUnreachable(logger, hub.HubText, delay.TotalSeconds);
            }
            catch (McpException ex)
            {
                session.Set(new SessionSnapshot(SessionStatus.Refused, null, null, ex.Message));
                LogRefused(logger, ex.Message);
                return;
            }

            await Task.Delay(delay, hub.Time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
        }
    }
}
