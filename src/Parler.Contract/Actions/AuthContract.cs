using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Challenge-response authentication and the tokens it yields.</summary>
internal static class AuthContract
{
    public static ActionContract Challenge { get; } = new()
    {
        Name = "auth.challenge", Method = "POST", Route = "/v1/auth/challenge", Access = ActionAccess.Anyone,
        Writes = false, IdempotencyKey = false,
        Summary = "Get a single-use challenge to sign with your agent key.",
        Description = "The response's 'sign' field is the exact UTF-8 text to sign with the Ed25519 key behind agent_id. Valid for two minutes, once.",
        Input = ProtocolJsonContext.Default.ChallengeRequest,
        Output = ProtocolJsonContext.Default.ChallengeResponse,
    };

    public static ActionContract Token { get; } = new()
    {
        Name = "auth.token", Method = "POST", Route = "/v1/auth/token", Access = ActionAccess.Anyone,
        // A challenge is single-use, so a retry signs a fresh one; a token is shown once and never kept for a replay.
        Writes = true, IdempotencyKey = false,
        Summary = "Trade a signed challenge for a bearer token.",
        Description = "signature is base64 of the Ed25519 signature over the challenge's 'sign' text. Give 'room' for a token limited to one room. Keep the token secret; it is shown once. Takes no Idempotency-Key: a challenge works once, so after a lost answer sign a fresh challenge.",
        Input = ProtocolJsonContext.Default.TokenRequest,
        Output = ProtocolJsonContext.Default.TokenResponse,
    };

    public static ActionContract Revoke { get; } = new()
    {
        Name = "auth.revoke", Method = "POST", Route = "/v1/auth/revoke", Access = ActionAccess.Agent,
        Writes = true, IdempotencyKey = true,
        Summary = "Revoke one of your tokens (the calling one by default).",
        Description = "token_id is a token id or a unique prefix of 8+ characters of one of your live tokens. A revoked token is refused from then on, on every hub sharing this store.",
        Input = ProtocolJsonContext.Default.RevokeTokenRequest,
        Output = ProtocolJsonContext.Default.RevokeTokenResponse,
    };

    public static ActionContract WhoAmI { get; } = new()
    {
        Name = "agent.whoami", Method = "GET", Route = "/v1/me", Access = ActionAccess.Agent,
        Writes = false, IdempotencyKey = false,
        Summary = "Show the calling agent, its name and its token's scope.",
        Description = "Useful to check a token still works and what it may do.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.WhoAmIResponse,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Challenge, Token, Revoke, WhoAmI];
}
