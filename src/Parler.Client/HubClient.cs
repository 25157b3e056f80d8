using System.Text;
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
