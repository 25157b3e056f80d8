using System.Text.Json.Nodes;
using Parler.Hub.Actions;

namespace Parler.Hub.Discovery;

/// <summary>The OpenAPI document's parameters: the route's, the contract headers and, for a GET or a raw upload, the input's query fields.</summary>
internal static partial class OpenApiDocument
{
    public static IEnumerable<string> RouteParameters(string route) =>
        route.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]);

    private static JsonArray Parameters(ActionDefinition action, bool queryInput)
    {
        var parameters = new JsonArray();
        foreach (var name in RouteParameters(action.Route))
        {
            parameters.Add((JsonNode)new JsonObject
            {
                ["name"] = name, ["in"] = "path", ["required"] = true,
                ["description"] = name == "room" ? "A room id (rm_...) or the name of one of your rooms." : $"The {name}.",
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        parameters.Add((JsonNode)new JsonObject
        {
            ["name"] = ActionPipeline.VersionHeader, ["in"] = "header", ["required"] = false,
            ["description"] = "Contract version; the hub answers 400 unsupported_version for one it does not speak.",
            ["schema"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(ActionPipeline.CurrentVersion) },
        });
        if (action.IdempotencyKey)
        {
            parameters.Add((JsonNode)new JsonObject
            {
                ["name"] = ActionPipeline.IdempotencyHeader, ["in"] = "header", ["required"] = false,
                ["description"] = "A retry with the same key returns the original result (200, replayed: true); the same key with another body is 409.",
                ["schema"] = new JsonObject { ["type"] = "string", ["maxLength"] = 255 },
            });
        }

        if (action.ResponseContentType == "text/event-stream")
        {
            parameters.Add((JsonNode)new JsonObject
            {
                ["name"] = "Last-Event-ID", ["in"] = "header", ["required"] = false,
                ["description"] = "The id (a fact's seq) of the last event you got; the stream resumes after it. The 'after' query wins when both are sent.",
                ["schema"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]+$" },
            });
        }

        if (queryInput)
        {
            foreach (var property in action.Input!.Properties)
            {
                parameters.Add((JsonNode)new JsonObject
                {
                    ["name"] = property.Name, ["in"] = "query", ["required"] = false,
                    ["schema"] = Schema(property.PropertyType),
                });
            }
        }

        return parameters;
    }
}
