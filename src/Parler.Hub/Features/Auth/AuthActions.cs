using Parler.Core.Facts;
using Parler.Core.Identity;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
using Parler.Hub.Errors;
using Parler.Hub.Limits;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Auth;

/// <summary>Challenge-response authentication and the tokens it yields.</summary>
internal static class AuthActions
{
    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Reading(
            AuthContract.Challenge,
            context.ChallengeRequest,
            context.ChallengeResponse,
            async (call, input, ct) =>
            {
                var agentId = RequireAgentId(input.AgentId);
                var meta = await call.Services.Store.GetMetaAsync(ct);
                var (challenge, expires) = call.Services.Tokens.CreateChallenge(meta, agentId);
                return new ChallengeResponse(challenge, meta.HubId, expires, AuthChallenge.PayloadText(meta.HubId, agentId, challenge));
            });
        yield return ActionDefinition.Creating(
            AuthContract.Token,
            context.TokenRequest,
            context.TokenResponse,
            IssueTokenAsync);
        yield return ActionDefinition.Writing(
            AuthContract.Revoke,
            context.RevokeTokenRequest,
            context.RevokeTokenResponse,
            RevokeAsync,
            (call, input, ct) => IdPrefixes.ResolveBodyAsync(call, IdSpace.Token, input.TokenId, ct));
        yield return ActionDefinition.Reading(
            AuthContract.WhoAmI,
            context.EmptyRequest,
            context.WhoAmIResponse,
            async (call, _, ct) =>
            {
                var caller = call.RequireCaller();
                var name = await call.Services.Store.GetAgentNameAsync(caller.AgentId, ct) ?? caller.AgentId;
                var meta = await call.Services.Store.GetMetaAsync(ct);
                return new WhoAmIResponse(
                    caller.AgentId, name, caller.Token.TokenId, caller.IsRoomScoped ? "room" : "agent", caller.Token.Room,
                    DateTimeOffset.FromUnixTimeMilliseconds(caller.Token.ExpiresAt), meta.HubId);
            });
    }

    /// <summary>
    /// The join secret, the challenge's own HMAC and the signature are checked before the single writer; inside it only
    /// what needs the record: that the challenge was not used yet, and the room a room token is for.
    /// </summary>
    private static async Task<TokenResponse> IssueTokenAsync(ActionCall call, TokenRequest input, CancellationToken ct)
    {
        var services = call.Services;
        var agentId = RequireAgentId(input.AgentId);
        var challenge = Validate.Required(input.Challenge, "challenge", "from auth.challenge");
        if (services.Options.JoinSecret is { } secret
            && !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(input.JoinSecret ?? "")))
        {
            throw new HubException(ErrorCodes.JoinSecretRequired, "This hub is shared on the network: pass its join secret as 'join_secret'.");
        }

        var meta = await services.Store.GetMetaAsync(ct);
        if (AuthDecider.Challenge(services.Tokens.IsLiveChallenge(meta, agentId, challenge)) is { } stale)
        {
            throw stale.ToException();
        }

        var signature = DecodeSignature(input.Signature);
        if (!AgentKey.VerifyById(agentId, AuthChallenge.Payload(meta.HubId, agentId, challenge), signature))
        {
            throw new HubException(ErrorCodes.SignatureInvalid, "Sign the challenge's 'sign' text, byte for byte, with the Ed25519 key behind agent_id.");
        }

        var ttl = TimeSpan.FromSeconds(Validate.Range(
            input.TtlSeconds, (int)TokenService.DefaultTokenLifetime.TotalSeconds, 60, (int)TokenService.MaxTokenLifetime.TotalSeconds, "ttl_seconds"));
        var requestedName = input.Name is null ? null : Validate.DisplayName(input.Name);
        return await services.Store.WriteAsync(
            async (writer, wct) =>
            {
                if (AuthDecider.Challenge(!await writer.ChallengeUsedAsync(challenge, wct)) is { } used)
                {
                    throw used.ToException();
                }

                await Quota.ChargeAsync(writer, services.Time, services.Options.Limits.AgentSignIns, agentId, 1, wct);
                await Quota.ChargeAsync(writer, services.Time, services.Options.Limits.AddressSignIns, call.SourceAddress, 1, wct);
                var state = new IssueState(
                    await writer.GetAgentNameAsync(agentId, wct), input.Room is { } room ? (await writer.GetRoomAsync(room, wct))?.State : null);
                var token = TokenService.NewToken();
                var now = services.Time.GetUtcNow();
                var command = new IssueToken(agentId, challenge, requestedName, input.Room, TokenService.NewId("tok_"), TokenService.Hash(token), ttl);
                var grant = AuthDecider.Issue(state, command, now).Unwrap()!;
                if (grant.Registered is { } registered)
                {
                    await writer.AppendAsync(agentId, FactDraft.Of(registered, agentId, agentId, "signature"), wct);
                }

                if (grant.Renamed is { } renamed)
                {
                    await writer.AppendAsync(agentId, FactDraft.Of(renamed, agentId, agentId, "signature"), wct);
                }

                await TokenCap.MakeRoomAsync(writer, services.Time, services.Options.Limits.ActiveTokensPerAgent, agentId, wct);
                await writer.AppendAsync(agentId, FactDraft.Of(grant.Issued, agentId, agentId, "signature"), wct);
                return new TokenResponse(token, command.TokenId, agentId, input.Room is null ? "agent" : "room", input.Room, now + ttl);
            },
            ct);
    }

    private static async Task<RevokeTokenResponse> RevokeAsync(ActionCall call, RevokeTokenRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var tokenId = IdPrefixes.Resolved(call, input.TokenId) ?? caller.Token.TokenId;
        var command = new RevokeToken(caller.AgentId, tokenId, caller.Token.TokenId, caller.IsRoomScoped);
        if (AuthDecider.Revoke(await writer.FindTokenByIdAsync(tokenId, ct), command).Unwrap() is { } revoked)
        {
            await writer.AppendAsync(caller.AgentId, caller.Draft(revoked), ct);
        }

        return new RevokeTokenResponse(tokenId, true);
    }

    private static string RequireAgentId(string? agentId) =>
        AgentId.IsValid(agentId)
            ? agentId!.Trim().ToLowerInvariant()
            : throw new HubException(
                ErrorCodes.ValidationFailed,
                "'agent_id' must be a Parler agent id ('pa' + 58 base32 characters, derived from your Ed25519 public key); its checksum failed or it is missing.");

    private static byte[] DecodeSignature(string? signature)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(signature ?? "", buffer, out var written) && written == 64
            ? buffer
            : throw new HubException(ErrorCodes.SignatureInvalid, "'signature' must be base64 of a 64-byte Ed25519 signature.");
    }
}
