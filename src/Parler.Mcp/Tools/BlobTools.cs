using ModelContextProtocol;
using Parler.Client;
using Parler.Client.Blobs;
using Parler.Client.Git;
using Parler.Core.Protocol;
using Parler.Mcp.Hub;
using Parler.Mcp.Output;

namespace Parler.Mcp.Tools;

/// <summary>
/// push, apply, send_file and fetch: the client-side work (git, local files, hash checks) around the blob actions. They
/// read only the repository this server runs in or the one file named, and write only there or to the named output.
/// </summary>
internal sealed class BlobTools(HubConnection hub)
{
    /// <summary>The folder the tools work in: the repository for push and apply, the default output of fetch.</summary>
    public string Folder { get; init; } = Environment.CurrentDirectory;

    public Task<ToolReply> PushAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        RunAsync(async client =>
        {
            var room = arguments.RequiredText("room");
            var result = await BundlePush.RunAsync(
                client, Git(), room, arguments.Text("ref"), arguments.Text("base"), arguments.Text("note"), cancellationToken);
            return ToolReply.With(
                HandoffReport.Pushed(result, room).Replace("parler apply", "parler_apply", StringComparison.Ordinal), result.Posted, ProtocolJsonContext.Default.SharedBlobResponse);
        }, cancellationToken);

    public Task<ToolReply> ApplyAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        RunAsync(
            async client => HandoffReport.Applied(
                await BundleApply.RunAsync(client, Git(), arguments.RequiredText("blob").Trim(), cancellationToken),
                commits => new PeerContent().Frame("from=\"the bundle's commit messages\"", commits)),
            cancellationToken);

    public Task<ToolReply> SendFileAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        RunAsync(async client =>
        {
            var path = arguments.RequiredText("path");
            var room = arguments.RequiredText("room");
            await using var content = FileHandoff.OpenToSend(Path.Combine(Folder, path));
            var sent = await FileHandoff.SendAsync(client, room, content, arguments.Text("name") ?? Path.GetFileName(path), arguments.Text("note"), cancellationToken);
            return ToolReply.With(
                HandoffReport.Sent(sent, room).Replace("parler fetch", "parler_fetch", StringComparison.Ordinal), sent.Posted, ProtocolJsonContext.Default.SharedBlobResponse);
        }, cancellationToken);

    public Task<ToolReply> FetchAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        RunAsync(async client =>
        {
            var hash = arguments.RequiredText("blob").Trim();
            var (path, size) = await FileHandoff.FetchAsync(
                client, hash, arguments.Text("output") is { } output ? Path.Combine(Folder, output) : null, arguments.Boolean("force") ?? false, Folder, cancellationToken);
            return HandoffReport.Fetched(hash, Path.GetFullPath(path), size);
        }, cancellationToken);

    private GitRunner Git() => new(Folder);

    private async Task<ToolReply> RunAsync(Func<HubClient, Task<ToolReply>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await hub.RunAsync(work, cancellationToken);
        }
        catch (HandoffException ex)
        {
            throw new McpException(ex.Message, ex);
        }
    }
}
