using Parler.Cli.Output;
using Parler.Client;
using Parler.Contract.Facts;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler session requests --watch</c>: each knock on the room as it arrives (and those already waiting). On a terminal
/// the person is asked y/N per knock: y approves, n denies, anything else leaves it pending. Without a terminal each knock
/// is printed as one line and nothing is decided: only a person's answer or an explicit approve admits anyone.
/// </summary>
internal sealed class KnockWatch(CliContext cli, HubClient client, string roomId, string roomName)
{
    private const int WaitSeconds = 25;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var after = (await client.ReadAsync(roomId, null, null, 1, cancellationToken)).Head;
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var waiting in (await client.JoinRequestsAsync(roomId, cancellationToken)).Requests)
        {
            asked.Add(waiting.AgentId);
            await KnockAsync(waiting.AgentId, waiting.Name, waiting.RequestedAt, cancellationToken);
        }

        if (!cli.Host.Interactive)
        {
            await cli.Host.Error.WriteLineAsync($"watching knocks on '{PeerText.Visible(roomName)}'; approve with: parler session approve --room {roomId} AGENT");
        }

        while (true)
        {
            var page = await client.ReadAsync(roomId, after, WaitSeconds, 200, cancellationToken);
            foreach (var fact in page.Events.Where(f => f.Type == FactTypes.MemberRequested))
            {
                var knock = FactData.TryRead<MemberRequested>(fact.Data);
                var agent = knock?.AgentId ?? fact.Actor;
                if (asked.Add(agent))
                {
                    await KnockAsync(agent, knock?.Name ?? "", DateTimeOffset.FromUnixTimeMilliseconds(fact.At), cancellationToken);
                }
            }

            after = page.Cursor;
        }
    }

    private async Task KnockAsync(string agentId, string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var host = cli.Host;
        if (!host.Interactive || host.Input is null)
        {
            await host.Out.WriteLineAsync(cli.Json
                ? JsonOutput.Of(new JoinRequestView(agentId, name, at), ProtocolJsonContext.Default.JoinRequestView)
                : $"knock: {PeerText.Visible(name),-24} {agentId}  asked {Output.PeopleTime.Format(at)}");
            await host.Out.FlushAsync(cancellationToken);
            return;
        }

        await host.Error.WriteAsync(
            $"{PeerText.Visible(name)} ({AgentId.Short(agentId)}…, verified id) asks to join '{PeerText.Visible(roomName)}'. Let it read the whole room? [y/N, Enter leaves it pending] ");
        await host.Error.FlushAsync(cancellationToken);
        var answer = (await host.Input.ReadLineAsync(cancellationToken))?.Trim().ToLowerInvariant();
        var verb = answer switch
        {
            "y" or "yes" => "approve",
            "n" or "no" => "deny",
            _ => null,
        };
        if (verb is null)
        {
            await host.Error.WriteLineAsync("left pending");
            return;
        }

        var decision = await client.DecideAsync(roomId, agentId, verb, cancellationToken);
        await host.Out.WriteLineAsync($"{PeerText.Visible(decision.Name)} ({decision.AgentId}) is now {decision.Status}");
    }
}
