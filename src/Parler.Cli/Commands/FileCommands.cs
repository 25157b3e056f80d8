using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Cli.Output;
using Parler.Client.Blobs;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary><c>parler send-file</c> streams a file into a room; <c>parler fetch BLOB</c> streams a shared file down, verified.</summary>
internal static class FileCommands
{
    public static Command CreateSend(CliHost host, string summary)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var name = new Option<string?>("--name") { Description = "The name the peer sees (default: the file's own name; required with '-')" };
        var note = new Option<string?>("--note") { Description = "A note for the peer" };
        var path = new Argument<string>("path") { Description = "The file to send; '-' streams stdin" };
        var key = IdempotencyKeyOption.Create();
        var command = new Command("send-file", summary) { room, name, note, path, key };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var file = cli.ParseResult.GetValue(path)!;
            var shownName = cli.ParseResult.GetValue(name) ?? (file == "-" ? null : Path.GetFileName(file));
            if (string.IsNullOrWhiteSpace(shownName))
            {
                throw new CliUsageException("Give the name the peer sees with --name when sending stdin ('-').");
            }

            var roomRef = cli.ParseResult.GetValue(room)!;
            await using var content = file == "-" ? Console.OpenStandardInput() : FileHandoff.OpenToSend(file);
            var sent = await FileHandoff.SendAsync(
                cli.Client(), roomRef, content, shownName, cli.ParseResult.GetValue(note), cancellationToken, IdempotencyKeyOption.Value(cli, key));
            if (cli.Json)
            {
                var json = JsonSerializer.SerializeToNode(sent.Posted, ProtocolJsonContext.Default.SharedBlobResponse)!.AsObject();
                json["name"] = sent.Name;
                json["media_type"] = sent.MediaType;
                json["size"] = sent.Size;
                await host.Out.WriteLineAsync(JsonOutput.Of(json));
            }
            else
            {
                await host.Out.WriteLineAsync(HandoffReport.Sent(sent, roomRef));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateFetch(CliHost host, string summary)
    {
        var blob = new Argument<string>("blob") { Description = "The file's blob id (the hash on its line in 'parler recv', or 8+ characters of it)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write here (a file path, or a folder to put the sender's name in); default: the current folder" };
        var force = new Option<bool>("--force") { Description = "Replace an existing file" };
        var command = new Command("fetch", summary) { blob, output, force };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var hash = await Parler.Client.Live.IdLookup.BlobAsync(cli.Client(), cli.ParseResult.GetValue(blob)!, cancellationToken);
            var (written, size) = await FileHandoff.FetchAsync(
                cli.Client(), hash, cli.ParseResult.GetValue(output), cli.ParseResult.GetValue(force), Environment.CurrentDirectory, cancellationToken);
            await host.Out.WriteLineAsync(cli.Json
                ? JsonOutput.Of(new JsonObject { ["blob"] = hash, ["path"] = Path.GetFullPath(written), ["size"] = size })
                : HandoffReport.Fetched(hash, written, size));
            return ExitCodes.Success;
        });
        return command;
    }
}
