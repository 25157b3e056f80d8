using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>
/// The web console: its page and assets (embedded in the binary), the one-time sign-in link and its exchange for a
/// cookie, and read-only viewer links for one room. The page itself calls the other actions with the cookie.
/// </summary>
internal static class ConsoleContract
{
    public static ActionContract Page { get; } = new()
    {
        Name = "console.page", Method = "GET", Route = "/console", Access = ActionAccess.Anyone,
        Writes = false, IdempotencyKey = false,
        Summary = "The web console's page, for a person's browser.",
        Description = "Static HTML from inside the hub binary; it signs in with a link from 'parler console'. Served with a strict Content-Security-Policy.",
        ResponseContentType = "text/html",
    };

    public static ActionContract Asset { get; } = new()
    {
        Name = "console.asset", Method = "GET", Route = "/console/assets/{asset}", Access = ActionAccess.Anyone,
        Writes = false, IdempotencyKey = false,
        Summary = "One of the web console's scripts or styles.",
        Description = "Plain ES modules and CSS embedded in the hub binary; nothing is fetched from elsewhere.",
        ResponseContentType = "text/javascript",
    };

    public static ActionContract SignIn { get; } = new()
    {
        Name = "console.signin", Method = "GET", Route = "/console/signin", Access = ActionAccess.Anyone,
        Writes = true, IdempotencyKey = false,
        Summary = "Exchange a console or viewer link's code for the console's session cookie.",
        Description = "A console link works once, within two minutes; a viewer link until it expires or is revoked. Answers 303 to /console, so the code leaves the address bar.",
        Input = ProtocolJsonContext.Default.ConsoleSignInRequest,
        ResponseContentType = "text/html",
    };

    public static ActionContract Session { get; } = new()
    {
        Name = "console.session", Method = "GET", Route = "/v1/console/session", Access = ActionAccess.Agent,
        Writes = false, IdempotencyKey = false,
        Summary = "Who the open console is signed in as, and its CSRF token.",
        Description = "Called by the console page with its cookie; the csrf value goes in X-Parler-Csrf on every state-changing request.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.ConsoleSessionResponse,
    };

    public static ActionContract Link { get; } = new()
    {
        Name = "console.link", Method = "POST", Route = "/v1/console/links", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = true, IdempotencyKey = true, SecretAnswer = true,
        Summary = "Mint a one-time link that signs a browser into the console as you.",
        Description = "Single use, valid two minutes; the console it opens has your rights and no more. Open it only in your own browser.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.ConsoleLinkResponse,
    };

    public static ActionContract Watch { get; } = new()
    {
        Name = "viewers.create", Method = "POST", Route = "/v1/rooms/{room}/viewers", Access = ActionAccess.Member, RoomTokenAllowed = false,
        Writes = true, IdempotencyKey = true, SecretAnswer = true,
        Summary = "Mint a read-only viewer link for this room.",
        Description = "The link shows this room in the console, reads only, until it expires (ttl_seconds, default one hour) or you revoke it with its viewer_id.",
        Input = ProtocolJsonContext.Default.ViewerLinkRequest,
        Output = ProtocolJsonContext.Default.ViewerLinkResponse,
    };

    public static ActionContract Viewers { get; } = new()
    {
        Name = "viewers.list", Method = "GET", Route = "/v1/console/viewers", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = false, IdempotencyKey = false,
        Summary = "List the viewer links you minted, live or not.",
        Description = "Revoke one with POST /v1/auth/revoke and its viewer_id as token_id.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.ViewerListResponse,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Page, Asset, SignIn, Session, Link, Watch, Viewers];
}
