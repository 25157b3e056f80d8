using System.CommandLine;
using System.Text.Json;
using Parler.Client;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary><c>parler send --room R TEXT</c> or <c>--to NAME|ID</c> (a DM): post a signed message; retries land once.</summary>
internal static class SendCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var room = new Option<string?>("--room") { Description = "Room name or id" };
        var to = new Option<string?>("--to") { Description = "Send a direct message to this agent (name or id) instead" };
        var text = new Argument<string>("text") { Description = "The message; '-' reads it from stdin" };
        var command = new Command("send", summary) { room, to, text };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var body = context.ParseResult.GetValue(text)!;
            if (body == "-")
            {
                body = await Console.In.ReadToEndAsync(cancellationToken);
            }

            if (string.IsNullOrWhiteSpace(body))
            {
                throw new CliUsageException("Nothing to send: give the message text.");
            }

            var roomRef = context.ParseResult.GetValue(room);
            var dmTo = context.ParseResult.GetValue(to);
            if ((roomRef is null) == (dmTo is null))
            {
                throw new CliUsageException("Give exactly one of --room ROOM or --to NAME|ID.");
            }

            roomRef ??= (await context.Client().OpenDmAsync(dmTo!, cancellationToken)).Id;
            var posted = await context.Client().PostMessageAsync(roomRef, body, HubClient.NewIdempotencyKey(), cancellationToken);
            await host.Out.WriteLineAsync(context.Json
                ? JsonSerializer.Serialize(posted, ProtocolJsonContext.Default.PostMessageResponse)
                : $"sent #{posted.Seq} to {dmTo ?? roomRef}");
            return ExitCodes.Success;
        });
        return command;
    }
}
