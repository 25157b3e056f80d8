using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Parler.Mcp.Live;

/// <summary>
/// What this server tells its client unasked: a log line, a resource update for subscribers, a Claude Code channel
/// event, or a question to the person (elicitation). Each goes only where the client can take it.
/// </summary>
internal sealed class ServerPush(IServiceProvider services)
{
    public const string ChannelCapability = "claude/channel";
    public const string ChannelNotification = "notifications/claude/channel";

    private readonly ConcurrentDictionary<string, bool> _subscribed = new(StringComparer.Ordinal);

    private McpServer? Server => services.GetService<McpServer>();

    public bool CanAsk => Server?.ClientCapabilities?.Elicitation is not null;

    public void Subscribe(string uri) => _subscribed[uri] = true;

    public void Unsubscribe(string uri) => _subscribed.TryRemove(uri, out _);

    /// <summary>Asks the person; true for Accept, false for Reject, null when dismissed or not answered.</summary>
    public async Task<bool?> AskAsync(string question, CancellationToken cancellationToken)
    {
        var answer = await Server!.ElicitAsync(
            new ElicitRequestParams
            {
                Message = question,
                RequestedSchema = new ElicitRequestParams.RequestSchema { Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>() },
            },
            cancellationToken);
        return answer.Action switch { "accept" => true, "decline" => false, _ => null };
    }

    // The issue asks for a log line where the client cannot be asked; MCP9005 marks logging deprecated from a later
    // protocol revision, but the clients of today's revisions still show it.
#pragma warning disable MCP9005
    public Task LogAsync(string text, CancellationToken cancellationToken) =>
        Server is { } server
            ? server.SendNotificationAsync(
                NotificationMethods.LoggingMessageNotification,
                new LoggingMessageNotificationParams { Level = LoggingLevel.Warning, Logger = "parler", Data = JsonSerializer.SerializeToElement(text, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(string))) },
                McpJsonUtilities.DefaultOptions, cancellationToken)
            : Task.CompletedTask;
#pragma warning restore MCP9005

    public Task ResourceUpdatedAsync(string uri, CancellationToken cancellationToken) =>
        Server is { } server && _subscribed.ContainsKey(uri)
            ? server.SendNotificationAsync(
                NotificationMethods.ResourceUpdatedNotification, new ResourceUpdatedNotificationParams { Uri = uri }, McpJsonUtilities.DefaultOptions, cancellationToken)
            : Task.CompletedTask;

    /// <summary>A Claude Code channel event: <paramref name="content"/> reaches the model as the event's body, <paramref name="meta"/> as its attributes.</summary>
    public Task ChannelAsync(string content, IReadOnlyDictionary<string, string> meta, CancellationToken cancellationToken)
    {
        if (Server is not { } server)
        {
            return Task.CompletedTask;
        }

        var metaNode = new JsonObject();
        foreach (var (key, value) in meta)
        {
            metaNode[key] = value;
        }

        return server.SendNotificationAsync(ChannelNotification, new JsonObject { ["content"] = content, ["meta"] = metaNode }, McpJsonUtilities.DefaultOptions, cancellationToken);
    }
}
