using System.CommandLine;
using Parler.Client.Live;

namespace Parler.Cli.Commands;

/// <summary><c>parler handoff</c> hands the turn on; <c>parler task</c> reports how a handed-off task goes.</summary>
internal static class HandoffCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var target = new Option<string>("--for") { Description = "Who takes over: a name, role or agent id", Required = true };
        var done = new Option<string>("--summary") { Description = "What you did", Required = true };
        var next = new Option<string>("--next") { Description = "What the next agent should do", Required = true };
        var bundle = new Option<string?>("--bundle") { Description = "A bundle's blob id to go with it" };
        var key = IdempotencyKeyOption.Create();
        var command = new Command("handoff", summary) { room, target, done, next, bundle, key };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var result = await cli.Client().HandoffAsync(
                cli.ParseResult.GetValue(room)!, cli.ParseResult.GetValue(target)!, cli.ParseResult.GetValue(done)!,
                cli.ParseResult.GetValue(next)!, cli.ParseResult.GetValue(bundle), cancellationToken, IdempotencyKeyOption.Value(cli, key));
            var to = result.ForAgent is { } agent ? $"{Parler.Client.PeerText.Visible(result.ForName ?? "")} ({Core.Identity.AgentId.Short(agent)})" : cli.ParseResult.GetValue(target);
            await host.Out.WriteLineAsync($"handed off #{result.Seq} to {to} ({result.HandoffId})");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateTask(CliHost host, string summary)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var handoff = new Argument<string>("handoff") { Description = "The handoff id (ho_..., or 8+ characters of it)" };
        var status = new Option<string>("--status") { Description = "accepted, working, done or failed", Required = true };
        var note = new Option<string?>("--note") { Description = "A short note for the room" };
        var key = IdempotencyKeyOption.Create();
        var command = new Command("task", summary) { room, handoff, status, note, key };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var client = cli.Client();
            var roomRef = cli.ParseResult.GetValue(room)!;
            var handoffId = await IdLookup.HandoffAsync(client, roomRef, cli.ParseResult.GetValue(handoff)!, cancellationToken);
            var result = await client.TaskStatusAsync(
                roomRef, handoffId, cli.ParseResult.GetValue(status)!,
                cli.ParseResult.GetValue(note), cancellationToken, IdempotencyKeyOption.Value(cli, key));
            await host.Out.WriteLineAsync($"{result.HandoffId} is {result.Status} (#{result.Seq})");
            return ExitCodes.Success;
        });
        return command;
    }
}
