using System.Text.Json.Nodes;
using Parler.Hub.Discovery;
using Parler.Hub.Errors;
using Parler.Hub.Features;

namespace Parler.Hub.Tests.Discovery;

/// <summary>/openapi.json and /llms.txt say what the hub does: statuses, optional fields, headers, codes and limits.</summary>
public sealed class ContractDocumentTests
{
    private static readonly JsonObject Document = OpenApiDocument.Build(HubFeatures.CreateRegistry(), "http://127.0.0.1:7070");

    private static readonly string Guide = LlmsText.Build(HubFeatures.CreateRegistry(), "hub_test", 64 * 1024);

    [Fact]
    public void OpenApi_BlobUpload_Documents201()
    {
        var responses = Operation("/v1/rooms/{room}/blobs", "post")["responses"]!.AsObject();

        responses.Select(r => r.Key).ShouldContain("201");
        responses.Select(r => r.Key).ShouldNotContain("200");
    }

    [Fact]
    public void OpenApi_JobLease_Documents200()
    {
        Operation("/v1/queues/{queue}/lease", "post")["responses"]!.AsObject().Select(r => r.Key).ShouldContain("200");
    }

    [Theory]
    [InlineData("/v1/auth/token", "post", "201", "room")]
    [InlineData("/v1/me", "get", "200", "room")]
    [InlineData("/v1/jobs/{job}", "get", "200", "worker")]
    [InlineData("/v1/jobs/{job}", "get", "200", "lease_until")]
    [InlineData("/v1/jobs/{job}", "get", "200", "result")]
    public void OpenApi_FieldLeftOutWhenNull_NotRequired(string route, string method, string status, string field)
    {
        var schema = Operation(route, method)["responses"]![status]!["content"]!["application/json"]!["schema"]!;

        schema["properties"]!.AsObject().ContainsKey(field).ShouldBeTrue();
        (schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []).ShouldNotContain(field);
    }

    [Fact]
    public void OpenApi_MemoryKey_NotRequiredAnywhere()
    {
        var required = new List<string>();
        Collect(Operation("/v1/memory", "get")["responses"]!["200"]!, required);

        required.ShouldNotContain("key");
    }

    [Fact]
    public void OpenApi_EveryOperation_Documents4XXAnd5XXWithProblem()
    {
        foreach (var (route, method, operation) in Operations())
        {
            var responses = operation["responses"]!.AsObject();
            responses.ContainsKey("4XX").ShouldBeTrue($"{method} {route}");
            responses.ContainsKey("5XX").ShouldBeTrue($"{method} {route}");
            responses["5XX"]!["headers"]!.AsObject().ContainsKey("Retry-After").ShouldBeTrue();
            responses["4XX"]!["headers"]!.AsObject().ContainsKey("Retry-After").ShouldBeTrue();
        }
    }

    [Fact]
    public void OpenApi_ProblemCode_EnumIsTheRegistry()
    {
        var codes = Document["components"]!["schemas"]!["Problem"]!["properties"]!["code"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>());

        codes.ShouldBe(ErrorCodes.All.Select(e => e.Code), ignoreOrder: true);
    }

    [Fact]
    public void OpenApi_Headers_Documented()
    {
        Operation("/v1/rooms/{room}/stream", "get")["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldContain("Last-Event-ID");
        var download = Operation("/v1/blobs/{blob}", "get")["responses"]!["200"]!["headers"]!.AsObject().Select(h => h.Key).ToList();
        download.ShouldContain("Content-Disposition");
        download.ShouldContain("Parler-Room");
        download.ShouldContain("Parle-Version");
    }

    [Fact]
    public void OpenApi_Tags_DeclaredGlobally()
    {
        var declared = Document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

        Operations().SelectMany(o => o.Operation["tags"]!.AsArray().Select(t => t!.GetValue<string>())).ShouldAllBe(t => declared.Contains(t));
        Document["info"]!["contact"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("16 ASCII bytes of \"parler-agent-id:\" followed by the 32 raw public-key bytes")]
    [InlineData("standard base64 (RFC 4648 section 4")]
    [InlineData("with `=` padding")]
    [InlineData("{token, token_id, agent_id, scope, expires_at}")]
    [InlineData("{challenge, hub_id, expires_at, sign}")]
    [InlineData("{room, seq, hash, at, replayed}")]
    [InlineData("`wait` (messages, job leases): 0-60 seconds")]
    [InlineData("`limit`: messages 1-500")]
    [InlineData("`ttl_seconds`: a token 60-2,592,000")]
    [InlineData("at most 65,536 bytes")]
    [InlineData("Display names: 1-64 characters, no control, bidi or zero-width characters")]
    [InlineData("id: <seq>\\nevent: fact\\ndata: <the fact as one line of JSON>\\n\\n")]
    [InlineData("`at` the commit time in milliseconds since the Unix epoch")]
    [InlineData("`stream` is the room id")]
    [InlineData("the first fact of a stream has `prev` = 64 zeros")]
    public void LlmsText_States(string statement) => Guide.ShouldContain(statement);

    private static JsonNode Operation(string route, string method) =>
        Document["paths"]![route]?[method] ?? throw new InvalidOperationException($"No {method} {route} in the document.");

    private static IEnumerable<(string Route, string Method, JsonObject Operation)> Operations() =>
        Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!.AsObject())));

    private static void Collect(JsonNode node, List<string> required)
    {
        if (node is JsonObject obj)
        {
            required.AddRange(obj["required"] is JsonArray names ? names.Select(n => n!.GetValue<string>()) : []);
            foreach (var (_, child) in obj)
            {
                if (child is not null)
                {
                    Collect(child, required);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>())
            {
                Collect(child, required);
            }
        }
    }
}
