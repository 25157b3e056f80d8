using System.IO.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Parler.Contract;
using Parler.Mcp.Tools;

namespace Parler.Mcp.Tests;

/// <summary>The server as the host wires it, over in-memory pipes, driven by the SDK's own client.</summary>
public sealed class ParlerMcpServerTests : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("parler-mcp-server-").FullName;
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly string _nowhere = $"http://127.0.0.1:{Parler.Tests.Shared.FreePort.Pick()}";
    private IHost? _host;
    private McpClient? _client;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(settings: null);
        var settings = new McpSettings(_home, new Uri(_nowhere), "tester", null, null);
        builder.Services.AddParlerMcp(settings, TimeProvider.System).WithStreamServerTransport(_toServer.Reader.AsStream(), _toClient.Writer.AsStream());
        _host = builder.Build();
        await _host.StartAsync();
        _client = await McpClient.CreateAsync(new StreamClientTransport(_toServer.Writer.AsStream(), _toClient.Reader.AsStream()));
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public void Initialize_WithoutAHub_AnswersWithInstructions() =>
        _client!.ServerInstructions.ShouldBe(ServerInstructions.Text);

    [Fact]
    public async Task ListTools_OffersTheCatalogWithItsHints()
    {
        var tools = await _client!.ListToolsAsync();

        tools.Select(t => t.Name).ShouldBe(ToolProfile.Select(ToolCatalog.Build(ActionCatalog.CreateDefault()), null).Select(t => t.Name), ignoreOrder: true);
        tools.Single(t => t.Name == "parler_rooms").ProtocolTool.Annotations!.ReadOnlyHint.ShouldBe(true);
        tools.Single(t => t.Name == "parler_send").ProtocolTool.Annotations!.IdempotentHint.ShouldNotBe(true);
        tools.Single(t => t.Name == "parler_send").ProtocolTool.Annotations!.DestructiveHint.ShouldBe(false);
        tools.Single(t => t.Name == "parler_approve_join").ProtocolTool.Annotations!.IdempotentHint.ShouldBe(true);
        tools.ShouldAllBe(t => t.ProtocolTool.Annotations!.OpenWorldHint == true && !string.IsNullOrEmpty(t.ProtocolTool.Title));
    }

    [Fact]
    public async Task ListTools_DefaultProfile_StaysUnderTwelveThousandCharacters()
    {
        var listed = await _client!.ListToolsAsync();
        var json = System.Text.Json.JsonSerializer.Serialize(
            new ListToolsResult { Tools = [.. listed.Select(t => t.ProtocolTool)] }, ModelContextProtocol.McpJsonUtilities.DefaultOptions);

        json.Length.ShouldBeLessThan(12_000);
    }

    [Fact]
    public void Instructions_AreShortAndUseTheToolNames()
    {
        ServerInstructions.Text.Length.ShouldBeLessThan(1_200);
        ServerInstructions.Text.ShouldContain("parler_recv");
        ServerInstructions.Text.ShouldNotContain("messages_read");
    }

    [Fact]
    public async Task CallTool_HubUnreachable_IsAnErrorResultSayingWhatToDo()
    {
        var result = await _client!.CallToolAsync("parler_rooms");

        result.IsError.ShouldBe(true);
        ((TextContentBlock)result.Content.Single()).Text.ShouldStartWith($"Cannot reach the hub at {_nowhere}: it is down or the address is wrong.");
    }

    [Fact]
    public async Task ListResourcesAndPrompts_OfferTheSessionAndTheHandoffPrompt()
    {
        (await _client!.ListResourcesAsync()).Select(r => r.Uri).ShouldBe(["parler://session"]);
        (await _client.ListPromptsAsync()).Select(p => p.Name).ShouldBe(["continue_handoff"]);
    }
}
