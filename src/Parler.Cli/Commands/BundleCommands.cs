using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Cli.Output;
using Parler.Client.Blobs;
using Parler.Client.Git;
using Parler.Client.Live;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler push</c> bundles commits from the repository you are in and shares them into a room;
/// <c>parler apply BLOB</c> imports a shared bundle under refs/parler/ and touches nothing else.
/// </summary>
internal static class BundleCommands
{
    public static Command CreatePush(CliHost host, string summary)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var reference = new Option<string?>("--ref") { Description = "The branch or tag to push (default: the current branch)" };
        var baseRef = new Option<string?>("--base") { Description = "Push only the commits after this one, e.g. origin/main (default: the whole history)" };
        var note = new Option<string?>("--note") { Description = "A note for the peer, e.g. \"review please\"" };
        var key = IdempotencyKeyOption.Create();
        var command = new Command("push", summary) { room, reference, baseRef, note, key };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var roomRef = cli.ParseResult.GetValue(room)!;
            var result = await BundlePush.RunAsync(
                cli.Client(), new GitRunner(Environment.CurrentDirectory), roomRef, cli.ParseResult.GetValue(reference),
                cli.ParseResult.GetValue(baseRef), cli.ParseResult.GetValue(note), cancellationToken, IdempotencyKeyOption.Value(cli, key));
            if (cli.Json)
            {
                var json = JsonSerializer.SerializeToNode(result.Posted, ProtocolJsonContext.Default.SharedBlobResponse)!.AsObject();
                json["ref"] = result.Ref;
                json["tip"] = result.Tip;
                json["base"] = result.Base;
                json["commits"] = result.Commits;
                json["size"] = result.Size;
                await host.Out.WriteLineAsync(JsonOutput.Of(json));
            }
            else
            {
                await host.Out.WriteLineAsync(HandoffReport.Pushed(result, roomRef));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateApply(CliHost host, string summary)
    {
        var blob = new Argument<string>("blob") { Description = "The bundle's blob id (the hash on its line in 'parler recv', or 8+ characters of it)" };
        var command = new Command("apply", summary) { blob };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var client = cli.Client();
            var hash = await IdLookup.BlobAsync(client, cli.ParseResult.GetValue(blob)!, cancellationToken);
            var result = await BundleApply.RunAsync(client, new GitRunner(Environment.CurrentDirectory), hash, cancellationToken);
            if (cli.Json)
            {
                var refs = new JsonArray([.. result.Refs.Select(r => (JsonNode)new JsonObject { ["ref"] = r.Name, ["commit"] = r.Commit, ["bundle_ref"] = r.BundleRef })]);
                var commits = new JsonArray([.. result.Commits.Select(c => (JsonNode)c[..Math.Min(c.Length, 40)])]);
                await host.Out.WriteLineAsync(JsonOutput.Of(new JsonObject
                {
                    ["blob"] = result.Blob, ["refs"] = refs, ["commits"] = commits, ["already_applied"] = result.AlreadyApplied,
                }));
            }
            else
            {
                await host.Out.WriteLineAsync(HandoffReport.Applied(result));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
