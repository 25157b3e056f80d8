using Microsoft.AspNetCore.Http;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Auth;

/// <summary>Turns an Authorization header into a <see cref="Caller"/>, or refuses with the reason.</summary>
internal sealed class Authenticator(IHubStore store, TimeProvider time)
{
    public async Task<Caller> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            throw new HubException(
                ErrorCodes.Unauthorized,
                "Send 'Authorization: Bearer <token>'. Get a token with POST /v1/auth/challenge then POST /v1/auth/token.");
        }

        var token = await store.FindTokenAsync(TokenService.Hash(header[scheme.Length..].Trim()), cancellationToken)
            ?? throw new HubException(ErrorCodes.TokenInvalid, "This hub did not issue that token. Authenticate again.");
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
