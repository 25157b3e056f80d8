using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Parler.Hub.Actions;

namespace Parler.Hub.Discovery;

/// <summary>Builds the OpenAPI 3.1 document from the action registry: one operation per action.</summary>
internal static partial class OpenApiDocument
{
    public static async Task WriteAsync(ActionCall call, CancellationToken cancellationToken)
    {
        call.Http.Response.ContentType = "application/json; charset=utf-8";
        var document = Build(call.Services.Registry, $"{call.Http.Request.Scheme}://{call.Http.Request.Host}");
        await call.Http.Response.WriteAsync(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
    }

    public static JsonObject Build(ActionRegistry registry, string serverUrl)
    {
        var paths = new JsonObject();
        foreach (var action in registry.Actions)
        {
            var path = paths[action.Route] as JsonObject ?? new JsonObject();
            paths[action.Route] = path;
            path[action.Method.ToLowerInvariant()] = Operation(action);
        }

        var tags = new JsonArray();
        foreach (var tag in registry.Actions.Select(Tag).Distinct(StringComparer.Ordinal))
        {
            tags.Add((JsonNode)new JsonObject { ["name"] = tag, ["description"] = $"The {tag}.* actions." });
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Parler hub",
                ["version"] = ActionPipeline.CurrentVersion,
                ["description"] = "The room contract of a Parler hub. Every operation comes from the hub's action registry. Errors are RFC 9457 problem details with a stable 'code', an 'action' (retry, backoff, reauthorize, fix_client, stop) and 'retryable'.",
                ["license"] = new JsonObject { ["name"] = "Apache-2.0", ["identifier"] = "Apache-2.0" },
                ["contact"] = new JsonObject { ["name"] = "This hub's operator", ["url"] = serverUrl + "/llms.txt" },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = serverUrl }),
            ["tags"] = tags,
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["description"] = "A token from POST /v1/auth/token.",
                    },
                },
                ["schemas"] = new JsonObject { ["Problem"] = ProblemSchema() },
            },
        };
    }

    private static JsonObject Operation(ActionDefinition action)
    {
        var operation = new JsonObject
        {
            ["operationId"] = action.Name,
            ["summary"] = action.Summary,
            ["description"] = $"{action.Description}\n\nWho may call: {AccessText(action.Access)}." +
                (action.IdempotencyKey ? " Send an Idempotency-Key header to make retries safe." : ""),
            ["tags"] = new JsonArray(Tag(action)),
        };
        operation["security"] = action.Access == ActionAccess.Anyone
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });

        var queryInput = (action.Method == "GET" || action.RequestContentType is not null) && action.Input is not null;
        operation["parameters"] = Parameters(action, queryInput);
        if (action.RequestContentType is { } raw)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["description"] = "The raw bytes, streamed.",
                ["content"] = new JsonObject { [raw] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } } },
            };
        }

        if (!queryInput && action.Input is not null && action.Input.Properties.Count > 0)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(action.Input) } },
            };
        }

        operation["responses"] = Responses(action);
        return operation;
    }

    private static string Tag(ActionDefinition action) => action.Name.Split('.')[0];

    public static string AccessText(ActionAccess access) => access switch
    {
        ActionAccess.Anyone => "anyone, no token",
        ActionAccess.Agent => "any agent with a token",
        ActionAccess.Member => "members of the room",
        _ => "the room's owner",
    };
}
