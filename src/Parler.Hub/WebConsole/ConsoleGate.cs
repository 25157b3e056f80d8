using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.WebConsole;

/// <summary>
/// Authenticates a request by the console's cookie: only for the console's own calls, a viewer only for its reads,
/// every state-changing request with the session's CSRF header, within the console's own rate limit (a live stream's
/// re-checks are not new requests and are not counted).
/// </summary>
internal sealed class ConsoleGate(IHubStore store, TimeProvider time)
{
    private readonly ConsoleLimiter _limiter = new(time, perWindow: 600, window: TimeSpan.FromMinutes(1));

    public static string? CookieSecret(HttpContext http) =>
        http.Request.Cookies.TryGetValue(ConsoleTokens.CookieName, out var value) && value.StartsWith(ConsoleTokens.SecretPrefix, StringComparison.Ordinal)
            ? value
            : null;

    public async Task<Caller> AuthenticateAsync(HttpContext http, ActionDefinition action, string secret, bool recheck, CancellationToken cancellationToken)
    {
        var token = await store.FindTokenAsync(TokenService.Hash(secret), cancellationToken);
        if (token is null || !ConsoleTokens.IsCookieToken(token.TokenId))
        {
            throw new HubException(ErrorCodes.TokenInvalid, "This console session is not known to the hub. Sign in again with 'parler console'.");
        }

        if (token.Revoked)
        {
            throw new HubException(ErrorCodes.TokenRevoked, "This console session or viewer link was revoked.");
        }

        if (time.GetUtcNow().ToUnixTimeMilliseconds() >= token.ExpiresAt)
        {
            throw new HubException(ErrorCodes.TokenExpired, "This console session or viewer link has expired. Sign in again with 'parler console'.");
        }

        var viewer = ConsoleTokens.IsViewer(token.TokenId);
        if (!ConsolePolicy.Allows(action.Name, viewer))
        {
            throw new HubException(
                ErrorCodes.TokenScope,
                viewer
                    ? $"A viewer link reads one room and does nothing else; {action.Name} is not for viewers."
                    : $"The console's cookie is only for the console's own calls, and {action.Name} is not one; agents send a bearer token.");
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            var meta = await store.GetMetaAsync(cancellationToken);
            var expected = Encoding.ASCII.GetBytes(ConsoleTokens.Csrf(meta, token.TokenId));
            var sent = Encoding.ASCII.GetBytes(http.Request.Headers[ConsoleTokens.CsrfHeader].ToString());
            if (!CryptographicOperations.FixedTimeEquals(expected, sent))
            {
                throw new HubException(
                    ErrorCodes.CsrfRequired, $"A state-changing console request must carry the session's {ConsoleTokens.CsrfHeader} header (from GET /v1/console/session).");
            }
        }

        // A live stream re-checks its access at every batch: that is one request already counted, not a new one, so a
        // busy room cannot spend the session's budget.
        if (!recheck && !_limiter.TryTake(token.TokenId))
        {
            throw new HubException(ErrorCodes.RateLimited, "This console session sent too many requests; it has its own limit, apart from the agents'. Wait a minute.");
        }

        return new Caller(token.AgentId, token);
    }
}
