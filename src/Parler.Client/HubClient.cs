using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Parler.Core.Facts;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.Client;

/// <summary>
/// Talks to one hub as one identity: signs in by challenge-response, caches the token, signs in again when it
/// expires, and retries safely (reads, and writes that carry an Idempotency-Key) while the hub is unreachable.
/// </summary>
internal sealed partial class HubClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TokenCache _tokens;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, string> _roomIds = new(StringComparer.Ordinal);
    private string? _token;
    private bool _reached;

    public HubClient(Uri hub, AgentIdentity identity, TokenCache tokens, TimeProvider time, HttpMessageHandler? handler = null)
    {
        Hub = hub;
        Identity = identity;
        _tokens = tokens;
        _time = time;
        _http = new HttpClient(handler ?? HubPin.Handler(hub));
        _http.BaseAddress = HubPin.WithoutPin(hub);
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    public Uri Hub { get; }

    public AgentIdentity Identity { get; }

    /// <summary>
    /// How long to keep retrying a safe request once the hub has answered this client before: a hub that
    /// restarts mid-request is waited for, a hub that was never there fails at once.
    /// </summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromSeconds(20);

    private string HubKey => Hub.ToString().TrimEnd('/');

    public async Task<TokenResponse> SignInAsync(CancellationToken cancellationToken)
    {
        var context = ProtocolJsonContext.Default;
        var challenge = await SendAsync(
            HttpMethod.Post, "/v1/auth/challenge", Json(new ChallengeRequest(Identity.Id), context.ChallengeRequest),
            LenientJson.Context.ChallengeResponse, authenticate: false, idempotencyKey: null, retry: true, cancellationToken);
        var signature = Convert.ToBase64String(Identity.Key.Sign(Encoding.UTF8.GetBytes(challenge.Sign)));
        var request = new TokenRequest(
            Identity.Id, challenge.Challenge, signature, Identity.Name,
            JoinSecret: Environment.GetEnvironmentVariable("PARLER_JOIN_SECRET") ?? JoinSecretFile.Read(_tokens.Home, Hub));
        var token = await SendAsync(
            HttpMethod.Post, "/v1/auth/token", Json(request, context.TokenRequest),
            LenientJson.Context.TokenResponse, authenticate: false, idempotencyKey: null, retry: false, cancellationToken);
        _token = token.Token;
        _tokens.Put(HubKey, new CachedToken(token.Token, token.TokenId, token.AgentId, token.ExpiresAt));
        return token;
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> TokenAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && _token is not null)
        {
            return _token;
        }

        if (!refresh && _tokens.Get(HubKey, Identity.Id) is { } cached && cached.ExpiresAt > _time.GetUtcNow().AddMinutes(1))
        {
            return _token = cached.Token;
        }

        return (await SignInAsync(cancellationToken)).Token;
    }

    private static StringContent Json<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.Serialize(value, typeInfo), Encoding.UTF8, "application/json");

    private Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> output, bool authenticate, string? idempotencyKey,
        bool retry, CancellationToken cancellationToken) =>
        SendAsync(
            method, path, content, async (stream, ct) => (await JsonSerializer.DeserializeAsync(stream, output, ct))!, authenticate,
            idempotencyKey, retry, cancellationToken);

    /// <summary>A call whose answer <paramref name="read"/> parses from the body as it arrives.</summary>
    private async Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, Func<Stream, CancellationToken, ValueTask<T>> read, bool authenticate,
        string? idempotencyKey, bool retry, CancellationToken cancellationToken)
    {
        var body = content is null ? null : await content.ReadAsByteArrayAsync(cancellationToken);
        var deadline = _time.GetUtcNow() + RetryWindow;
        var delay = TimeSpan.FromMilliseconds(100);
        var reauthorized = false;
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add("Parle-Version", "1");
            if (authenticate)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(false, cancellationToken));
            }

            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            HubClientException failure;
            try
            {
                // Headers first: the answer is parsed as it arrives, not after the whole body is buffered (a catch-up is many MB).
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                _reached = true;
                if (response.IsSuccessStatusCode)
                {
                    await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                    try
                    {
                        return await read(stream, cancellationToken);
                    }
                    catch (JsonException ex)
                    {
                        throw new HubClientException($"The hub at {Hub} sent an answer that is not the expected JSON ({ex.Message}). Is it a Parler hub of this version?", ex);
                    }
                }

                failure = await ProblemAsync(response, cancellationToken);
                if (authenticate && !reauthorized && failure.Problem?.Action == "reauthorize")
                {
                    reauthorized = true;
                    _token = null;
                    await TokenAsync(true, cancellationToken);
                    continue;
                }

                if (!failure.Retryable || response.StatusCode < HttpStatusCode.InternalServerError)
                {
                    throw failure;
                }
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                failure = Unreachable(ex);
            }

            if (!retry || !_reached || _time.GetUtcNow() + delay > deadline)
            {
                throw failure;
            }

            await Task.Delay(delay, _time, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }

    /// <summary>
    /// The hub could not be reached. A connection the hub drops as it dies can also surface as a bare SocketException
    /// (for example "Transport endpoint is not connected" while the handler reads the socket's address), not wrapped in
    /// an HttpRequestException; one dropped while its answer is read surfaces as an HttpIOException.
    /// </summary>
    private static bool IsUnreachable(Exception ex) => ex is HttpRequestException or HttpIOException or System.Net.Sockets.SocketException;

    private HubClientException Unreachable(Exception ex) => new(
        $"Cannot reach the hub at {Hub}: {ex.Message}. Start one with 'parler hub', or point at another with --hub URL or PARLER_HUB.", ex);

    private static async Task<HubClientException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonSerializer.Deserialize(text, LenientJson.Context.ProblemResponse) is { Code: not null } problem)
            {
                return new HubClientException(problem);
            }
        }
        catch (JsonException)
        {
            // Not a hub answer; described below.
        }

        return new HubClientException(
            new ProblemResponse("about:blank", response.ReasonPhrase ?? "error", (int)response.StatusCode,
                $"The server at that address answered {(int)response.StatusCode} without a Parler error. Is it a Parler hub?",
                "unexpected_response", "stop", false));
    }

    /// <summary>A fresh idempotency key, kept across the retries of one logical write.</summary>
    public static string NewIdempotencyKey() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// The nonce of a signed post retried under <paramref name="idempotencyKey"/>: the same key, the same signed body.
    /// SHA-256 through libsodium, as every send has a key: OpenSSL's would be loaded for this one hash.
    /// </summary>
    public static string NonceFor(string idempotencyKey) =>
        Convert.ToHexStringLower(NSec.Cryptography.HashAlgorithm.Sha256.Hash(Encoding.UTF8.GetBytes("parler-nonce\n" + idempotencyKey)))[..32];

    /// <summary>16 random bytes, from libsodium (loaded for signing anyway), so a one-shot send never loads OpenSSL.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(SodiumRandom.Bytes(16));

    internal static string SignMessage(AgentKey key, string roomId, string body, string nonce) =>
        MessageSignature.Sign(key, roomId, "text", body, nonce);
}
