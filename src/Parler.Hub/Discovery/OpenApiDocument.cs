using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Errors;

namespace Parler.Hub.Discovery;

/// <summary>Builds the OpenAPI 3.1 document from the action registry: one operation per action.</summary>
internal static class OpenApiDocument
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

        var queryInput = (action.Method == "GET" || action.RequestContentType is not null) && action.Input is not null;
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

        operation["parameters"] = parameters;
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

    private static JsonObject Responses(ActionDefinition action)
    {
        var body = action.Output is not null
            ? Schema(action.Output)
            : action.ResponseContentType == "application/json" ? new JsonObject { ["type"] = "object" } : new JsonObject { ["type"] = "string" };
        if (action.IdempotencyKey && body["properties"] is JsonObject properties)
        {
            properties["replayed"] = new JsonObject { ["type"] = "boolean", ["description"] = "True when this answers a retried Idempotency-Key." };
        }

        var content = new JsonObject { [action.ResponseContentType] = new JsonObject { ["schema"] = body } };
        var responses = new JsonObject();
        if (action.IdempotencyKey)
        {
            responses["201"] = Answer("Done.", content, action);
            responses["200"] = Answer("A replay of an earlier request with the same Idempotency-Key.", content.DeepClone(), action);
        }
        else if (action.SuccessStatus == 201)
        {
            responses["201"] = new JsonObject { ["description"] = "Done.", ["content"] = content };
        }
        else
        {
            // A streamed write (a blob upload) answers 201 like a first write; a read, or a write that waits outside the
            // writer (a job lease), answers 200.
            var created = action.Raw is not null && action.Writes;
            responses[created ? "201" : "200"] = Answer(created ? "Done." : "OK.", content, action);
        }

        responses["4XX"] = Refusal("Refused; 'code' says why and 'action' what to do. Codes: ", e => e.Status < 500);
        responses["5XX"] = Refusal("The hub could not serve this now; retryable ones say so. Codes: ", e => e.Status >= 500);
        return responses;
    }

    private static JsonObject Answer(string description, JsonNode content, ActionDefinition action)
    {
        var headers = new JsonObject { [ActionPipeline.VersionHeader] = Header("The contract version this answer speaks.") };
        if (action.ResponseContentType == "application/octet-stream")
        {
            headers["Content-Disposition"] = Header("attachment; filename*=UTF-8''<the sender's file name>: a suggestion, never a path.");
            headers["Parler-Room"] = Header("The id of the room the blob was shared into, through which the caller reads it.");
        }

        return new JsonObject { ["description"] = description, ["headers"] = headers, ["content"] = content };
    }

    private static JsonObject Refusal(string description, Func<ErrorCode, bool> which) => new()
    {
        ["description"] = description + string.Join(", ", ErrorCodes.All.Where(which).Select(e => e.Code)) + ".",
        ["headers"] = new JsonObject
        {
            [ActionPipeline.VersionHeader] = Header("The contract version, on answers from an action."),
            ["Retry-After"] = Header("Seconds to wait before retrying: on rate_limited the time left in the window, on unavailable (503) and storage_full (507) the wait the detail also says."),
        },
        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } } },
    };

    private static JsonObject Header(string description) =>
        new() { ["description"] = description, ["schema"] = new JsonObject { ["type"] = "string" } };

    private static JsonNode ProblemSchema()
    {
        var schema = Schema(ProtocolJsonContext.Default.ProblemResponse);
        if (schema["properties"]?["code"] is JsonObject code)
        {
            code["enum"] = new JsonArray(ErrorCodes.All.Select(e => (JsonNode)JsonValue.Create(e.Code)!).ToArray());
        }

        return schema;
    }

    private static string Tag(ActionDefinition action) => action.Name.Split('.')[0];

    private static JsonNode Schema(JsonTypeInfo typeInfo) =>
        OmittedWhenNull(typeInfo.Options.GetJsonSchemaAsNode(typeInfo.Type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }));

    /// <summary>
    /// The wire leaves a null field out (WhenWritingNull), so a field that may be null is never required: the exporter
    /// marks every constructor parameter required, which a validator would hold against a true answer.
    /// </summary>
    private static JsonNode OmittedWhenNull(JsonNode node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["required"] is JsonArray required && schema["properties"] is JsonObject properties)
                {
                    foreach (var name in required.Select(r => r!.GetValue<string>()).ToList())
                    {
                        if (properties[name] is JsonObject property && MayBeNull(property))
                        {
                            required.Remove(required.First(r => r!.GetValue<string>() == name));
                        }
                    }

                    if (required.Count == 0)
                    {
                        schema.Remove("required");
                    }
                }

                foreach (var (_, child) in schema.ToList())
                {
                    if (child is not null)
                    {
                        OmittedWhenNull(child);
                    }
                }

                break;
            case JsonArray items:
                foreach (var child in items)
                {
                    if (child is not null)
                    {
                        OmittedWhenNull(child);
                    }
                }

                break;
        }

        return node;
    }

    private static bool MayBeNull(JsonObject property) =>
        property["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null")
        || property["type"]?.GetValueKind() == JsonValueKind.String && property["type"]!.GetValue<string>() == "null";

    private static JsonNode Schema(Type type) => Schema(ProtocolJsonContext.Default.GetTypeInfo(type) ?? ProtocolJsonContext.Default.GetTypeInfo(typeof(string))!);

    public static IEnumerable<string> RouteParameters(string route) =>
        route.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]);

    public static string AccessText(ActionAccess access) => access switch
    {
        ActionAccess.Anyone => "anyone, no token",
        ActionAccess.Agent => "any agent with a token",
        ActionAccess.Member => "members of the room",
        _ => "the room's owner",
    };
}
