using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Parler.Contract;
using Parler.Hub;
using Parler.Mcp.Hub;
using Parler.Mcp.Output;
using Parler.Mcp.Session;
using Parler.Mcp.Tools;

namespace Parler.Mcp.Tests.Tools;

/// <summary>An in-process hub on a free loopback port, and the MCP server's tool runner for any identity against it.</summary>
public sealed class McpHarness : IAsyncLifetime
{
    private static readonly IReadOnlyList<ToolSpec> Tools = ToolCatalog.Build(ActionCatalog.CreateDefault());
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-mcp-").FullName;
    private readonly List<IDisposable> _owned = [];
    private HubHost? _hub;

    public string HubUrl => _hub!.Url.ToString().TrimEnd('/');

    public async Task InitializeAsync() =>
        _hub = await HubHost.StartAsync(
            new HubOptions { Address = "127.0.0.1:0", DatabasePath = Path.Combine(_folder, "hub.db") }, TimeProvider.System, null, CancellationToken.None);

    public async Task DisposeAsync()
    {
        _owned.ForEach(o => o.Dispose());
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    internal Agent For(string name, string? sessionKey = null, string? hubUrl = null, string? folder = null)
    {
        var settings = new McpSettings(Path.Combine(_folder, name), new Uri(hubUrl ?? HubUrl), name, sessionKey, null);
        var hub = new HubConnection(settings, TimeProvider.System);
        _owned.Add(hub);
        var session = new SessionState(settings);
        return new Agent(hub, session, new ToolRunner(hub, new MessageTools(hub), new SessionTools(hub, session), new BlobTools(hub) { Folder = folder ?? Environment.CurrentDirectory }));
    }

    internal sealed record Agent(HubConnection Hub, SessionState Session, ToolRunner Runner)
    {
        public string Id => Hub.Identity.Id;

        public async Task<string> CallAsync(string tool, object? arguments = null) => (await ReplyAsync(tool, arguments)).Text;

        public Task<ToolReply> ReplyAsync(string tool, object? arguments = null)
        {
            var json = JsonSerializer.SerializeToElement(arguments ?? new { });
            var values = json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            return Runner.RunAsync(Tools.Single(t => t.Name == tool), new ToolArguments(values), CancellationToken.None);
        }

        public SessionKnocker Knocker() => new(Hub, Session, NullLogger<SessionKnocker>.Instance);
    }
}
