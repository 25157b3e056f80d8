using System.CommandLine;
using Parler.Cli.Output;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler send --room R TEXT</c> or <c>--to NAME|ID</c> (a DM): post a signed message; retries land once.
/// <c>--service QUEUE</c> enqueues TEXT as a job instead and prints its id.
/// </summary>
internal static class SendCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var room = new Option<string?>("--room") { Description = "Room name or id" };
        var to = new Option<string?>("--to") { Description = "Send a direct message to this agent (name or id) instead" };
        var service = new Option<string?>("--service") { Description = "Enqueue the text as a job on this service queue; prints the job id" };
        var text = new Argument<string>("text") { Description = "The message; '-' reads it from stdin" };
        var key = IdempotencyKeyOption.Create();
        var command = new Command("send", summary) { room, to, service, text, key };
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
            var queue = context.ParseResult.GetValue(service);
            if (new[] { roomRef, dmTo, queue }.Count(v => v is not null) != 1)
            {
                throw new CliUsageException("Give exactly one of --room ROOM, --to NAME|ID or --service QUEUE.");
            }

            if (queue is not null)
            {
                return await ServiceFeed.EnqueueAsync(context, queue, body, IdempotencyKeyOption.Value(context, key), cancellationToken);
            }

            roomRef ??= (await context.Client().OpenDmAsync(dmTo!, cancellationToken)).Id;
            var posted = await context.Client().PostMessageAsync(roomRef, body, IdempotencyKeyOption.Value(context, key), cancellationToken);
            await host.Out.WriteLineAsync(context.Json
                ? JsonOutput.Of(posted, ProtocolJsonContext.Default.PostMessageResponse)
                : $"sent #{posted.Seq} to {dmTo ?? roomRef}");
            return ExitCodes.Success;
        });
        return command;
    }
}
