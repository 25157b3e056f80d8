using Microsoft.AspNetCore.Http;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Storage;
using Parler.Hub.WebConsole;

namespace Parler.Hub.Auth;

/// <summary>Turns an Authorization header into a <see cref="Caller"/>, or refuses with the reason.</summary>
internal sealed class Authenticator(IHubStore store, TimeProvider time)
{
    private readonly ConsoleGate _console = new(store, time);

    /// <summary>The tokens looked up so far; <see cref="TokenLookups.Changed"/> must hear of every commit before its readers wake.</summary>
    public TokenLookups Tokens { get; } = new(store, time);

    /// <summary>
    /// Authenticates a request; with <paramref name="action"/> given, a request without a bearer token may use the
    /// console's cookie for the console's own calls (<see cref="ConsoleGate"/>). A <paramref name="recheck"/> of a request
    /// already admitted (a live stream's wake-up) is not charged to the console's rate limit again.
    /// </summary>
    public async Task<Caller> AuthenticateAsync(
        HttpContext context, CancellationToken cancellationToken, ActionDefinition? action = null, bool recheck = false)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (header.Length == 0 && action is not null && ConsoleGate.CookieSecret(context) is { } cookie)
        {
            return await _console.AuthenticateAsync(context, action, cookie, recheck, cancellationToken);
        }

        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            throw new HubException(
                ErrorCodes.Unauthorized,
                "Send 'Authorization: Bearer <token>'. Get a token with auth.challenge, then auth.token.");
        }

        var token = await Tokens.FindAsync(TokenService.Hash(header[scheme.Length..].Trim()), cancellationToken)
            ?? throw new HubException(ErrorCodes.TokenInvalid, "This hub did not issue that token. Authenticate again.");
        if (ConsoleTokens.IsConsoleToken(token.TokenId))
        {
            throw new HubException(ErrorCodes.TokenInvalid, "A console or viewer token works only in the console's cookie, never as a bearer token.");
        }

        if (token.Revoked)
        {
            throw new HubException(ErrorCodes.TokenRevoked, "The token was revoked. Authenticate again for a new one.");
        }

        if (time.GetUtcNow().ToUnixTimeMilliseconds() >= token.ExpiresAt)
        {
            throw new HubException(ErrorCodes.TokenExpired, "The token has expired. Authenticate again for a new one.");
        }

        return new Caller(token.AgentId, token);
    }
}
