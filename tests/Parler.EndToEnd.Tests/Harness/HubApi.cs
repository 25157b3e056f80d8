using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Parler.Core.Facts;
using Parler.Core.Identity;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>Hand-made HTTP calls to a hub, signed in by challenge-response like any agent with no Parler client.</summary>
public sealed class HubApi(string hubUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(hubUrl) };

    public string? Token { get; set; }

    internal AgentKey? Key { get; private set; }

    /// <summary>Signs in as the identity a CLI agent created in its home folder.</summary>
    public static Task<HubApi> SignInAsync(ParlerCli agent) =>
        SignInAsync(agent.HubUrl, IdentityFile.LoadOrCreate(agent.Home, agent.Name).Key, agent.Name);

    internal static async Task<HubApi> SignInAsync(string hubUrl, AgentKey key, string name)
    {
        var api = new HubApi(hubUrl) { Key = key };
        var challenge = await api.PostAsync("/v1/auth/challenge", new JsonObject { ["agent_id"] = key.Id });
        challenge.Status.ShouldBe(System.Net.HttpStatusCode.OK, challenge.ToString());
        var sign = challenge.Json["sign"]!.GetValue<string>();
        var token = await api.PostAsync("/v1/auth/token", new JsonObject
        {
            ["agent_id"] = key.Id,
            ["challenge"] = challenge.Json["challenge"]!.GetValue<string>(),
            ["signature"] = Convert.ToBase64String(key.Sign(Encoding.UTF8.GetBytes(sign))),
            ["name"] = name,
        });
        token.Status.ShouldBe(System.Net.HttpStatusCode.Created, token.ToString());
        api.Token = token.Json["token"]!.GetValue<string>();
        return api;
    }

    public Task<ApiResponse> GetAsync(string path, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Get, path, null, headers);

    public Task<ApiResponse> PostAsync(string path, JsonNode? body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, body?.ToJsonString(), idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });

    /// <summary>Posts a message signed by this agent's key, the way the seed guide's llms.txt describes.</summary>
    public Task<ApiResponse> PostMessageAsync(string roomId, string body, string? idempotencyKey, string? nonce = null)
    {
        nonce ??= Guid.NewGuid().ToString("N");
        var key = Key ?? throw new InvalidOperationException("Sign in with a key to post signed messages.");
        return PostAsync($"/v1/rooms/{roomId}/messages", new JsonObject
        {
            ["body"] = body,
            ["nonce"] = nonce,
            ["signature"] = MessageSignature.Sign(key, roomId, "text", body, nonce),
        }, idempotencyKey);
    }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? json, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        // Every answer a test gets by hand is one the hub's own /openapi.json describes.
        if (await OpenApiContract.ForAsync(_http) is { } contract
            && contract.MismatchForPath(method.Method, path, (int)response.StatusCode, mediaType, text) is { } mismatch)
        {
            throw new ShouldAssertException("The answer does not match /openapi.json: " + mismatch);
        }

        return new ApiResponse(response.StatusCode, mediaType, text) { RetryAfter = response.Headers.RetryAfter?.Delta };
    }

    public void Dispose() => _http.Dispose();
}
