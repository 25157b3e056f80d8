using Parler.Contract.Facts;
using Parler.Core.Protocol;

namespace Parler.Mcp.Output;

/// <summary>
/// Whether a handoff is addressed to this agent: by the one agent id the hub resolved and stored in the fact when it
/// has one; otherwise (facts from before the hub resolved targets) by the target as written: id, 8+ id prefix or name.
/// </summary>
internal static class HandoffTarget
{
    public static bool IsFor(EventView fact, string selfId, string selfName) =>
        fact.Type == FactTypes.HandoffPosted && FactData.TryRead<HandoffPosted>(fact.Data) is { } handoff && IsFor(handoff, selfId, selfName);

    public static bool IsFor(HandoffPosted handoff, string selfId, string selfName) =>
        handoff.ForAgent is not null
            ? handoff.IsFor(selfId)
            : handoff.For == selfId || handoff.For == selfName || (handoff.For.Length >= 8 && selfId.StartsWith(handoff.For, StringComparison.Ordinal));
}
