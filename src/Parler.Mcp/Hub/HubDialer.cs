using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace Parler.Mcp.Hub;

/// <summary>
/// Dials the hub as soon as <c>parler mcp</c> starts, in the background (so <c>initialize</c> never waits): it signs
/// in, which starts a local hub that is down and lets <c>parler connect --verify</c> see this agent without a tool call.
/// A failure here only logs; the first tool call reports it.
/// </summary>
internal sealed partial class HubDialer(HubConnection hub, ILogger<HubDialer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var me = await hub.RunAsync(client => client.WhoAmIAsync(stoppingToken), stoppingToken);
            LogDialled(logger, hub.HubText, me.AgentId);
        }
        catch (McpException ex)
        {
            LogNotDialled(logger, hub.HubText, ex.Message);
        }
    }

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Signed in to the hub at {Hub} as {Agent}")]
    private static partial void LogDialled(ILogger logger, string hub, string agent);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Could not sign in to the hub at {Hub} at start: {Reason}")]
    private static partial void LogNotDialled(ILogger logger, string hub, string reason);
}
