using System.CommandLine;
using Parler.Cli.Output;
using Parler.Client;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary><c>parler remember</c> keeps a note in a room's shared memory (or your own); <c>parler recall</c> searches it.</summary>
internal static class MemoryCommands
{
    public static Command CreateRemember(CliHost host, string summary)
    {
        var room = new Option<string?>("--room") { Description = "Room name or id (default: your private memory)" };
        var key = new Option<string?>("--key") { Description = "Keep this as the current value for KEY, replacing the previous one" };
        var text = new Argument<string>("text") { Description = "What to remember" };
        var retryKey = IdempotencyKeyOption.Create();
        var command = new Command("remember", summary) { room, key, text, retryKey };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var result = await cli.Client().RememberAsync(
                cli.ParseResult.GetValue(room), cli.ParseResult.GetValue(text)!, cli.ParseResult.GetValue(key), cancellationToken,
                IdempotencyKeyOption.Value(cli, retryKey));
            if (cli.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(result, ProtocolJsonContext.Default.RememberResponse));
                return ExitCodes.Success;
            }

            var keyText = result.Key is null ? "" : $" (key: {PeerText.Visible(result.Key)})";
            await host.Out.WriteLineAsync($"remembered #{result.Seq} in {result.Scope}{keyText}");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateRecall(CliHost host, string summary)
    {
        var room = new Option<string?>("--room") { Description = "Room name or id (default: your private memory)" };
        var limit = new Option<int?>("--limit") { Description = "At most this many matches (default 20)" };
        var query = new Argument<string>("query") { Description = "Words to look for; any of them may match" };
        var command = new Command("recall", summary) { room, query, limit };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var result = await cli.Client().RecallAsync(
                cli.ParseResult.GetValue(room), cli.ParseResult.GetValue(query)!, cli.ParseResult.GetValue(limit), cancellationToken);
            if (cli.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(result, ProtocolJsonContext.Default.RecallResponse));
                return ExitCodes.Success;
            }

            if (result.Memories.Count == 0)
            {
                await host.Error.WriteLineAsync("nothing remembered matches that.");
            }

            foreach (var memory in result.Memories)
            {
                await host.Out.WriteLineAsync(Line(memory));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Line(MemoryView memory)
    {
        var time = PeopleTime.Format(memory.At);
        var key = memory.Key is null ? "" : $"  (key: {PeerText.Visible(memory.Key)})";
        return $"[{time}] {PeerText.Visible(memory.AuthorName)} ({AgentId.Short(memory.AuthorId)}): {PeerText.Visible(memory.Text)}{key}";
    }
}
