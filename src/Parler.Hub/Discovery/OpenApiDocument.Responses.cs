using System.Text.Json.Nodes;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Errors;

namespace Parler.Hub.Discovery;

/// <summary>The OpenAPI document's answers: each action's success, its refusals (problem details) and their headers.</summary>
internal static partial class OpenApiDocument
{
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
}
