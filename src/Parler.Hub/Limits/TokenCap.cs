using Parler.Hub.Storage;

namespace Parler.Hub.Limits;

/// <summary>
/// At most <see cref="HubLimits.ActiveTokensPerAgent"/> live tokens per agent. A sign-in past the cap is not refused (a
/// user signing in again expects it to work); it revokes the agent's live tokens that expire first, in the same write,
/// so sign-in spam cannot pile up live tokens and an old forgotten session is the one that ends.
/// </summary>
internal static class TokenCap
{
    public static async Task MakeRoomAsync(IStoreWriter writer, TimeProvider time, long cap, string agentId, CancellationToken cancellationToken)
    {
        if (cap <= 0)
        {
            return;
        }

        var live = await writer.LiveTokenIdsAsync(agentId, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        foreach (var tokenId in live.Take((int)Math.Max(0, live.Count - (cap - 1))))
        {
            await writer.AppendAsync(agentId, FactDraft.Of(new TokenRevoked(tokenId), agentId, agentId, "signature"), cancellationToken);
        }
    }
}
