using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.WebConsole;

/// <summary>The web console's actions: its page and assets, the sign-in exchange, the console link and viewer links.</summary>
internal static class ConsoleActions
{
    public const string SignInPath = "/console/signin?code=";

    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Streaming(ConsoleContract.Page, (call, _, ct) =>
            ConsoleAssets.ServeAsync(call.Http, ConsoleAssets.Find("index.html")!, ct));
        yield return ActionDefinition.Streaming(ConsoleContract.Asset, (call, _, ct) =>
            ConsoleAssets.Find(call.RouteValue("asset")) is { } asset && asset.ContentType != "text/html; charset=utf-8"
                ? ConsoleAssets.ServeAsync(call.Http, asset, ct)
                : throw new HubException(ErrorCodes.NotFound, "The console has no such asset."));
        yield return ActionDefinition.Streaming(ConsoleContract.SignIn, (call, input, ct) =>
            ConsoleSignIn.ExchangeAsync(call, (ConsoleSignInRequest)input!, ct));
        yield return ActionDefinition.Reading(ConsoleContract.Session, context.EmptyRequest, context.ConsoleSessionResponse, SessionAsync);
        yield return ActionDefinition.Writing(ConsoleContract.Link, context.EmptyRequest, context.ConsoleLinkResponse, MintLinkAsync);
        yield return ActionDefinition.Writing(ConsoleContract.Watch, context.ViewerLinkRequest, context.ViewerLinkResponse, MintViewerAsync);
        yield return ActionDefinition.Reading(ConsoleContract.Viewers, context.EmptyRequest, context.ViewerListResponse, ListViewersAsync);
    }

    private static async Task<ConsoleSessionResponse> SessionAsync(ActionCall call, EmptyRequest _, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var meta = await call.Services.Store.GetMetaAsync(ct);
        var name = await call.Services.Store.GetAgentNameAsync(caller.AgentId, ct) ?? caller.AgentId;
        var mode = ConsoleTokens.IsViewer(caller.Token.TokenId) ? "viewer" : "owner";
        return new ConsoleSessionResponse(
            caller.AgentId, name, mode, caller.Token.Room, ConsoleTokens.Csrf(meta, caller.Token.TokenId),
            DateTimeOffset.FromUnixTimeMilliseconds(caller.Token.ExpiresAt));
    }

    private static async Task<ConsoleLinkResponse> MintLinkAsync(ActionCall call, EmptyRequest _, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var secret = ConsoleTokens.NewSecret();
        var id = TokenService.NewId(ConsoleTokens.LinkPrefix);
        var expires = call.Services.Time.GetUtcNow() + ConsoleTokens.LinkLifetime;
        await writer.AppendAsync(
            caller.AgentId,
            caller.Draft(new TokenIssued(id, TokenService.Hash(secret), ConsoleTokens.Challenge(id), expires.ToUnixTimeMilliseconds())),
            ct);
        return new ConsoleLinkResponse(SignInPath + secret, expires);
    }

    private static async Task<ViewerLinkResponse> MintViewerAsync(ActionCall call, ViewerLinkRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var room = await call.ReloadRoomAsync(writer, ct);
        var ttl = Validate.Range(
            input.TtlSeconds, (int)ConsoleTokens.DefaultViewerLifetime.TotalSeconds, 60, (int)ConsoleTokens.MaxViewerLifetime.TotalSeconds, "ttl_seconds");
        var secret = ConsoleTokens.NewSecret();
        var id = TokenService.NewId(ConsoleTokens.ViewerPrefix);
        var expires = call.Services.Time.GetUtcNow() + TimeSpan.FromSeconds(ttl);
        await writer.AppendAsync(
            caller.AgentId,
            caller.Draft(new TokenIssued(id, TokenService.Hash(secret), ConsoleTokens.Challenge(id), expires.ToUnixTimeMilliseconds(), room.Id)),
            ct);
        return new ViewerLinkResponse(id, room.Id, SignInPath + secret, expires);
    }

    /// <summary>The caller's viewer links, folded from its own stream (token.issued and token.revoked).</summary>
    private static async Task<ViewerListResponse> ListViewersAsync(ActionCall call, EmptyRequest _, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var viewers = new Dictionary<string, ViewerView>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var facts = await call.Services.Store.ReadStreamAsync(caller.AgentId, after, 500, ct);
            foreach (var fact in facts)
            {
                if (fact.Type == FactTypes.TokenIssued && FactData.TryRead<TokenIssued>(fact.Data) is { Room: { } room } issued
                    && ConsoleTokens.IsViewer(issued.TokenId))
                {
                    viewers[issued.TokenId] = new ViewerView(issued.TokenId, room, DateTimeOffset.FromUnixTimeMilliseconds(issued.ExpiresAt), false);
                }
                else if (fact.Type == FactTypes.TokenRevoked && FactData.TryRead<TokenRevoked>(fact.Data) is { } revoked
                    && viewers.TryGetValue(revoked.TokenId, out var view))
                {
                    viewers[revoked.TokenId] = view with { Revoked = true };
                }
            }

            if (facts.Count < 500)
            {
                break;
            }

            after = facts[^1].Seq;
        }

        return new ViewerListResponse([.. viewers.Values]);
    }
}
