using Parler.Cli.Commands;
using Parler.Client;

namespace Parler.Cli.Connect;

/// <summary>
/// <c>connect --verify</c>: forgets each wired agent's cached token for the hub, then watches for a fresh one. The
/// hub issues a token only after the agent's MCP server proves its key, so a new token is the agent dialling in.
/// </summary>
internal static class ConnectVerifier
{
    public const string WaitingLine = "Waiting for";

    public static async Task<int> WaitAsync(CliContext context, WiringResult wired, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var host = context.Host;
        var hubKey = wired.Hub.ToString().TrimEnd('/');
        var pending = wired.Agents.ToList();
        foreach (var agent in pending)
        {
            new TokenCache(agent.Home).Remove(hubKey);
        }

        await host.Error.WriteLineAsync(
            $"{WaitingLine} {pending.Count} agent(s) to sign in to {ConnectSetup.HubText(wired.Hub)} (up to {timeout.TotalSeconds:0}s): restart them or open a new chat now.");
        var deadline = host.Time.GetUtcNow() + timeout;
        while (pending.Count > 0)
        {
            foreach (var agent in pending.ToList())
            {
                if (new TokenCache(agent.Home).Get(hubKey, agent.AgentId) is not null)
                {
                    pending.Remove(agent);
                    await host.Out.WriteLineAsync($"✓ {agent.Host.DisplayName} dialled in as {agent.AgentId}");
                }
            }

            if (pending.Count == 0 || host.Time.GetUtcNow() > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), host.Time, cancellationToken);
        }

        foreach (var agent in pending)
        {
            await host.Error.WriteLineAsync(
                $"✗ {agent.Host.DisplayName} did not sign in within {timeout.TotalSeconds:0}s: restart it so it loads {agent.Host.ConfigPath}; 'parler doctor' checks the entry.");
        }

        return pending.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
