using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Core.Protocol;
using Parler.Client;
using Parler.Mcp.Hub;
using Parler.Mcp.Output;

namespace Parler.Mcp.Tools;

/// <summary>
/// Runs a tool call. A tool that is one action is called generically: its route filled from the path arguments, its
/// fields sent as the body (or the query, for a read), with the caller's idempotency key. Tools that sign, read with
/// a cursor, or combine actions have their own handler.
/// </summary>
internal sealed class ToolRunner
{
    private readonly HubConnection _hub;
    private readonly Dictionary<string, Func<ToolSpec, ToolArguments, CancellationToken, Task<ToolReply>>> _handlers;

    public ToolRunner(HubConnection hub, MessageTools messages, SessionTools sessions, BlobTools blobs)
    {
        _hub = hub;
        _handlers = new(StringComparer.Ordinal)
        {
            ["send"] = messages.SendAsync,
            ["handoffs.post"] = messages.HandoffAsync,
            ["messages.read"] = messages.ReadAsync,
            ["invites.mint"] = sessions.MintAsync,
            ["agent.whoami"] = WhoAmIAsync,
            ["memory.recall"] = RecallAsync,
            ["memory.recall_private"] = RecallAsync,
            ["rooms.affordances"] = AffordancesAsync,
            ["session.open"] = sessions.OpenAsync,
            ["session.join"] = sessions.JoinAsync,
            ["card.register"] = RegisterAsync,
            ["push"] = blobs.PushAsync,
            ["apply"] = blobs.ApplyAsync,
            ["send_file"] = blobs.SendFileAsync,
            ["fetch"] = blobs.FetchAsync,
        };
    }

    public TimeProvider Time => _hub.Time;

    /// <summary>Tools (by key) with a handler of their own; every other tool must be exactly one action.</summary>
    public IReadOnlyCollection<string> Handled => _handlers.Keys;

    public Task<ToolReply> RunAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken)
    {
        arguments.CheckAgainst(tool);
        if (_handlers.TryGetValue(tool.Key, out var handler))
        {
            return handler(tool, arguments, cancellationToken);
        }

        return _hub.RunAsync(async client => ToolReply.Json(await CallAsync(client, tool, arguments, null, null, cancellationToken)), cancellationToken);
    }

    /// <summary>Calls the tool's action: path values from the arguments (or <paramref name="path"/>), fields plus <paramref name="extra"/>.</summary>
    public static Task<JsonObject> CallAsync(
        HubClient client, ToolSpec tool, ToolArguments arguments, IReadOnlyDictionary<string, string>? path, JsonObject? extra,
        CancellationToken cancellationToken)
    {
        var action = tool.Action ?? throw new InvalidOperationException($"{tool.Name} is not one action.");
        var route = action.Route;
        foreach (var name in tool.PathParameters)
        {
            var value = path?.GetValueOrDefault(name) ?? arguments.RequiredText(name);
            route = route.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        if (action.Method == "GET")
        {
            var query = tool.Fields.Where(arguments.Has).Select(f => $"{f}={Uri.EscapeDataString(arguments.QueryValue(f)!)}").ToList();
            return client.CallAsync(HttpMethod.Get, query.Count == 0 ? route : route + "?" + string.Join('&', query), null, null, cancellationToken);
        }

        JsonObject? body = null;
        if (action.HasBody)
        {
            body = extra ?? [];
            foreach (var field in tool.Fields.Where(arguments.Has))
            {
                body[field] = arguments.Node(field);
            }
        }

        var key = !action.Writes ? null : tool.DerivedKey ? arguments.DerivedKey(tool, client.Identity.Id) : HubClient.NewIdempotencyKey();
        return client.CallAsync(new HttpMethod(action.Method), route, body, key, cancellationToken);
    }

    private Task<ToolReply> RecallAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        _hub.RunAsync<ToolReply>(async client => MemoryResult.Of(await CallAsync(client, tool, arguments, null, null, cancellationToken)), cancellationToken);

    /// <summary>The room's affordances with each action named by the tool that does it (actions no tool offers are left out).</summary>
    private Task<ToolReply> AffordancesAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        _hub.RunAsync(
            async client =>
            {
                var answer = await CallAsync(client, tool, arguments, null, null, cancellationToken);
                var tools = new JsonArray();
                foreach (var item in (answer["actions"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (item["action"]?.GetValue<string>() is { } action && ToolCatalog.ToolNameOf(action) is { } name)
                    {
                        var entry = new JsonObject { ["tool"] = name, ["allowed"] = item["allowed"]?.DeepClone() };
                        foreach (var (field, value) in item.Where(p => p.Key is not ("action" or "method" or "href" or "summary" or "idempotent" or "allowed")))
                        {
                            entry[field] = value?.DeepClone();
                        }

                        tools.Add((JsonNode)entry);
                    }
                }

                return ToolReply.Json(new JsonObject { ["room"] = answer["room"]?.DeepClone(), ["tools"] = tools });
            },
            cancellationToken);

    private Task<ToolReply> RegisterAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        _hub.RunAsync(
            async client =>
            {
                IReadOnlyList<string>? List(string name) =>
                    arguments.Node(name) is JsonArray items ? [.. items.Select(i => i?.GetValue<string>() ?? "")] : null;
                var changes = new CardChanges(
                    arguments.Text("role"), arguments.Text("description"), List("tags"), List("skills"), arguments.Text("visibility"));
                return ToolReply.Json(
                    JsonSerializer.SerializeToNode(await client.RegisterCardAsync(changes, cancellationToken), ProtocolJsonContext.Default.CardView)!.AsObject(),
                    "registered, signed by you: ");
            },
            cancellationToken);

    private Task<ToolReply> WhoAmIAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        _hub.RunAsync(
            async client =>
            {
                var me = await CallAsync(client, tool, arguments, null, null, cancellationToken);
                me["hub"] = _hub.HubText;
                me["home"] = _hub.Settings.Home;
                return ToolReply.Json(me);
            },
            cancellationToken);
}
