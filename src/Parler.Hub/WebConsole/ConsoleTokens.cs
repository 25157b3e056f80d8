using System.Security.Cryptography;
using System.Text;
using Parler.Hub.Storage;

namespace Parler.Hub.WebConsole;

/// <summary>
/// The console's tokens are ordinary tokens in the record (token.issued / token.revoked on the agent's stream), told
/// apart by their id's prefix: a one-time link, the session a link is exchanged for, and a room's viewer link. None of
/// them is ever accepted as a bearer token, and no bearer token is accepted from the console's cookie.
/// </summary>
internal static class ConsoleTokens
{
    public const string LinkPrefix = "tcl_";
    public const string SessionPrefix = "tcs_";
    public const string ViewerPrefix = "tvw_";
    public const string SecretPrefix = "plc_";
    public const string CookieName = "parler_console";
    public const string CsrfHeader = "X-Parler-Csrf";

    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan DefaultViewerLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxViewerLifetime = TimeSpan.FromDays(30);

    public static bool IsConsoleToken(string tokenId) =>
        tokenId.StartsWith(LinkPrefix, StringComparison.Ordinal)
        || tokenId.StartsWith(SessionPrefix, StringComparison.Ordinal)
        || tokenId.StartsWith(ViewerPrefix, StringComparison.Ordinal);

    /// <summary>A session or a viewer: what the cookie may carry (a link only buys a session).</summary>
    public static bool IsCookieToken(string tokenId) =>
        tokenId.StartsWith(SessionPrefix, StringComparison.Ordinal) || tokenId.StartsWith(ViewerPrefix, StringComparison.Ordinal);

    public static bool IsViewer(string tokenId) => tokenId.StartsWith(ViewerPrefix, StringComparison.Ordinal);

    /// <summary>The value the unique challenge column holds for a token no challenge bought.</summary>
    public static string Challenge(string tokenId) => "console:" + tokenId;

    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The header token of one session: derived from the hub's key and the token id, so nothing more is stored.</summary>
    public static string Csrf(HubMeta meta, string tokenId)
    {
        var mac = HMACSHA256.HashData(meta.ChallengeKey, Encoding.UTF8.GetBytes("parler-console-csrf|" + tokenId));
        return Convert.ToHexStringLower(mac);
    }
}
