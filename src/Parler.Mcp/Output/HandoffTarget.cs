using Parler.Core.Protocol;

namespace Parler.Mcp.Output;

/// <summary>
/// Whether a handoff is addressed to this agent: by the one agent id the hub resolved and stored in the fact when it
/// has one; otherwise (facts from before the hub resolved targets) by the target as written: id, 8+ id prefix or name.
/// </summary>
internal static class HandoffTarget
{
    /// <summary>Where the hub stores the agent id it resolved the target to.</summary>
    private const string ResolvedField = "for_agent";

    public static bool IsFor(EventView fact, string selfId, string selfName)
    {
        if (fact.Data[ResolvedField] is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            return Parler.Client.Live.HandoffFact.IsHandoffFor(fact, selfId);
        }

        var target = fact.Data["for"]?.GetValue<string>() ?? "";
        return target == selfId || target == selfName || (target.Length >= 8 && selfId.StartsWith(target, StringComparison.Ordinal));
    }
}
