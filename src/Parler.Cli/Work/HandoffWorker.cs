using Parler.Cli.Commands;
using Parler.Client;
using Parler.Client.Live;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.Cli.Work;

/// <summary>
/// <c>parler work --room R</c>: for each handoff the hub addressed to this agent, in room order and one at a time, runs the
/// worker's command when the handoff's signature verifies and reports accepted, working, then done or failed. An unsigned,
/// wrongly signed or altered handoff is refused and reported, never run.
/// </summary>
internal sealed class HandoffWorker(CliContext cli, HubClient client, WorkOptions options)
{
    private const int WaitSeconds = 25;

    public async Task<int> RunAsync(string roomRef, CancellationToken cancellationToken)
    {
        var roomId = await client.ResolveRoomIdAsync(roomRef, cancellationToken);
        var room = (await client.ListRoomsAsync(cancellationToken)).First(r => r.Id == roomId);
        var journal = WorkJournal.Open(cli.Home, roomId);
        var after = journal.Cursor ?? room.Cursor;
        var self = client.Identity.Id;
        await cli.Host.Error.WriteLineAsync(
            $"working in '{PeerText.Visible(room.Name)}' as {PeerText.Visible(client.Identity.Name)} ({AgentId.Short(self)}) from #{after}: each signed handoff to you runs: {options.Runner}");
        var outage = new HubOutage(cli.Host);
        while (true)
        {
            ReadEventsResponse page;
            try
            {
                page = await client.ReadAsync(roomId, after, WaitSeconds, 200, cancellationToken);
                outage.Reset();
            }
            catch (Exception ex) when (HubOutage.IsOutage(ex))
            {
                await outage.WaitAsync(ex, $"reading from #{after}", cancellationToken);
                continue;
            }

            foreach (var fact in page.Events)
            {
                if (HandoffFact.Parse(fact) is { } handoff && handoff.IsFor(self) && !journal.Finished(handoff.HandoffId))
                {
                    await HandleAsync(room, handoff, journal, cancellationToken);
                    journal.MoveCursor(fact.Seq);
                    if (options.Once)
                    {
                        return ExitCodes.Success;
                    }
                }
            }

            after = page.Cursor;
            journal.MoveCursor(after);
        }
    }

    private async Task HandleAsync(RoomView room, HandoffFact handoff, WorkJournal journal, CancellationToken cancellationToken)
    {
        var from = await NameOfAsync(room.Id, handoff.From, cancellationToken);
        var id = handoff.HandoffId;
        if (journal.Started(id))
        {
            await ReportAsync(room.Id, id, "failed", "the worker stopped while this task ran; it was not run again", cancellationToken);
            journal.MarkFinished(id);
            await cli.Host.Out.WriteLineAsync($"{id} interrupted earlier: reported failed, not run again");
            return;
        }

        if (handoff.Refusal is { } why)
        {
            await ReportAsync(room.Id, id, "failed", $"refused: {why}; not run", cancellationToken);
            journal.MarkFinished(id);
            await cli.Host.Out.WriteLineAsync($"{id} from {PeerText.Visible(from)} ({AgentId.Short(handoff.From)}) REFUSED: {why}; not run");
            return;
        }

        await ReportAsync(room.Id, id, "accepted", null, cancellationToken);
        journal.MarkStarted(id);
        await ReportAsync(room.Id, id, "working", $"running {options.Runner}", cancellationToken);
        await cli.Host.Out.WriteLineAsync($"{id} from {PeerText.Visible(from)} ({AgentId.Short(handoff.From)}, verified): running");
        await cli.Host.Out.FlushAsync(cancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["PARLER_TASK_ID"] = id,
            ["PARLER_ROOM"] = room.Id,
            ["PARLER_FROM"] = handoff.From,
            ["PARLER_FROM_NAME"] = from,
        };
        var task = $"{handoff.Next}\n\nContext from {from} ({handoff.From}), who handed this over in room '{room.Name}':\n{handoff.Summary}\n";
        var outcome = await TaskProcess.RunAsync(options.Runner, task, environment, options.Timeout, cancellationToken);
        var (status, note) = WorkNote.Of(outcome, options.Timeout);
        await ReportAsync(room.Id, id, status, note, cancellationToken);
        journal.MarkFinished(id);
        await cli.Host.Out.WriteLineAsync($"{id} {status} (exit {outcome.ExitCode}{(outcome.TimedOut ? ", timed out" : "")})");
    }

    private async Task<string> NameOfAsync(string roomId, string agentId, CancellationToken cancellationToken) =>
        (await client.RosterAsync(roomId, cancellationToken)).Members.FirstOrDefault(m => m.AgentId == agentId)?.Name ?? AgentId.Short(agentId);

    private Task ReportAsync(string roomId, string handoffId, string status, string? note, CancellationToken cancellationToken) =>
        client.TaskStatusAsync(roomId, handoffId, status, note, cancellationToken);
}
