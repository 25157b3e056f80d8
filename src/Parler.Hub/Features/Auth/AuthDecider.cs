using Parler.Core.Identity;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Auth;

/// <summary>
/// Sign-in and token decisions with no I/O: a challenge works once, an agent registers (or takes a new name) as it signs
/// in, a room token is only for a room the agent is active in, and an agent revokes only its own tokens. The handlers in
/// <see cref="AuthActions"/> check the signature before the writer, load the state inside it and append.
/// </summary>
internal static class AuthDecider
{
    public static Refusal ChallengeInvalid { get; } =
        new(ErrorCodes.ChallengeInvalid, "Get a fresh challenge (auth.challenge) and sign it within two minutes.");

    /// <summary>A challenge that is not live (expired, for another agent or hub) or was used already signs nobody in.</summary>
    public static Refusal? Challenge(bool live) => live ? null : ChallengeInvalid;

    /// <summary>The agent keeps its name unless it asks for another; one never seen registers, under a name from its id when it gave none.</summary>
    public static Decision<TokenGrant> Issue(IssueState state, IssueToken command, DateTimeOffset now)
    {
        var name = command.RequestedName ?? state.KnownName ?? "agent-" + AgentId.Short(command.Agent)[2..8];
        if (command.Room is not null && state.Room?.ActiveMember(command.Agent) is null)
        {
            return Decision<TokenGrant>.Refuse(ErrorCodes.RoomNotFound, RoomAccess.NotFoundDetail);
        }

        var issued = new TokenIssued(command.TokenId, command.TokenHash, command.Challenge, (now + command.Lifetime).ToUnixTimeMilliseconds(), command.Room);
        return Decision<TokenGrant>.Append(new TokenGrant(
            state.KnownName is null ? new AgentRegistered(name) : null,
            state.KnownName is not null && state.KnownName != name ? new AgentRenamed(name) : null,
            issued));
    }

    /// <summary>A room token revokes only itself; an agent revokes only a token of its own; one revoked already needs nothing more.</summary>
    public static Decision<TokenRevoked> Revoke(TokenRecord? token, RevokeToken command)
    {
        if (command.RoomScoped && command.TokenId != command.CallerTokenId)
        {
            return Decision<TokenRevoked>.Refuse(
                ErrorCodes.TokenScope,
                "A room token may revoke only itself. To revoke another of your tokens, use an agent-wide token (auth.token without 'room').");
        }

        if (token is null || token.AgentId != command.Caller)
        {
            return Decision<TokenRevoked>.Refuse(ErrorCodes.NotFound, $"You have no token '{command.TokenId}'.");
        }

        return token.Revoked ? Decision<TokenRevoked>.Nothing() : Decision<TokenRevoked>.Append(new TokenRevoked(command.TokenId));
    }
}
