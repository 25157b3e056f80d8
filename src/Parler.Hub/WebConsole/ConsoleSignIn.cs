using Microsoft.AspNetCore.Http;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.WebConsole;

/// <summary>
/// Trades a link's code for the console's cookie and sends the browser on to /console, so the code leaves the address
/// bar and history. A console link is spent in the same write that issues the session, so it works once.
/// </summary>
internal static class ConsoleSignIn
{
    public static async Task ExchangeAsync(ActionCall call, ConsoleSignInRequest input, CancellationToken cancellationToken)
    {
        var services = call.Services;
        var http = call.Http;
        var rule = services.Options.Limits.AddressBadConsoleLinks;
        await Limits.Quota.CheckAsync(services.Store, services.Time, rule, call.SourceAddress, 1, cancellationToken);

        var code = input.Code ?? "";
        var token = code.StartsWith(ConsoleTokens.SecretPrefix, StringComparison.Ordinal)
            ? await services.Store.FindTokenAsync(TokenService.Hash(code), cancellationToken)
            : null;
        var now = services.Time.GetUtcNow();
        if (token is null || token.Revoked || now.ToUnixTimeMilliseconds() >= token.ExpiresAt
            || !(token.TokenId.StartsWith(ConsoleTokens.LinkPrefix, StringComparison.Ordinal) || ConsoleTokens.IsViewer(token.TokenId)))
        {
            if (!rule.Off)
            {
                await services.Store.WriteAsync(
                    (writer, ct) => writer.CountAsync(rule.Name + ":" + call.SourceAddress, rule.WindowStart(now.ToUnixTimeMilliseconds()), 1, ct),
                    cancellationToken);
            }

            throw Spent();
        }

        string cookie;
        long expiresAt;
        if (ConsoleTokens.IsViewer(token.TokenId))
        {
            (cookie, expiresAt) = (code, token.ExpiresAt);
        }
        else
        {
            cookie = ConsoleTokens.NewSecret();
            expiresAt = (now + ConsoleTokens.SessionLifetime).ToUnixTimeMilliseconds();
            await services.Store.WriteAsync(
                async (writer, ct) =>
                {
                    var link = await writer.FindTokenByIdAsync(token.TokenId, ct);
                    if (link is null || link.Revoked)
                    {
                        throw Spent();
                    }

                    await writer.AppendAsync(link.AgentId, FactDraft.Of(new TokenRevoked(link.TokenId), link.AgentId, link.AgentId, link.TokenId), ct);
                    var id = TokenService.NewId(ConsoleTokens.SessionPrefix);
                    await writer.AppendAsync(
                        link.AgentId,
                        FactDraft.Of(new TokenIssued(id, TokenService.Hash(cookie), ConsoleTokens.Challenge(id), expiresAt), link.AgentId, link.AgentId, link.TokenId),
                        ct);
                    return id;
                },
                cancellationToken);
        }

        var response = http.Response;
        ConsoleAssets.SecureHeaders(response);
        response.Cookies.Append(ConsoleTokens.CookieName, cookie, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            // Max-Age, not Expires: relative to the browser's own clock, so a hub whose clock differs cannot end it early.
            MaxAge = TimeSpan.FromMilliseconds(expiresAt - now.ToUnixTimeMilliseconds()),
        });
        response.Headers.CacheControl = "no-store";
        response.StatusCode = StatusCodes.Status303SeeOther;
        response.Headers.Location = "/console";
    }

    private static HubException Spent() => new(
        ErrorCodes.TokenInvalid, "This sign-in link is unknown, used or expired. Run 'parler console' again for a fresh one.");
}
