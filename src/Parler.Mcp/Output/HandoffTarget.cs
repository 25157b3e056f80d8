using Parler.Core.Protocol;

namespace Parler.Mcp.Output;

/// <summary>
/// Whether a handoff is addressed to this agent: by the one agent id the hub resolved and stored in the fact when it
/// has one; otherwise (facts from before the hub resolved targets) by the target as written: id, 8+ id prefix or name.
/// </summary>
internal static class HandoffTarget
{
    /// <summary>Where a hub that resolves the target stores the agent id it resolved to.</summary>
    private static readonly string[] ResolvedFields = ["for_agent", "for_id", "target"];

    public static bool IsFor(EventView fact, string selfId, string selfName)
    {
        foreach (var field in ResolvedFields)
        {
            if (fact.Data[field] is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String
                && node.GetValue<string>() is { Length: > 0 } resolved && resolved.StartsWith("pa", StringComparison.Ordinal))
            {
                return resolved == selfId;
            }
        }

        var target = fact.Data["for"]?.GetValue<string>() ?? "";
        return target == selfId || target == selfName || (target.Length >= 8 && selfId.StartsWith(target, StringComparison.Ordinal));
    }
}
