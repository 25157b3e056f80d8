using Parler.Core.Protocol;

namespace Parler.Client.Live;

/// <summary>
/// A handoff as a reader sees it: who it is for (the agent id the hub resolved the target to) and whether its author's
/// signature and its hash check out. "For me" is decided by that id only, never by a name.
/// </summary>
internal sealed record HandoffFact(
    string Room, long Seq, string HandoffId, string From, string Target, string? ForAgent, string Summary, string Next, string? Bundle, FactCheck Check)
{
    public const string Type = "handoff.posted";

    /// <summary>Signed by its author, and its hash matches what was signed.</summary>
    public bool Verified => Check.HashValid && Check.Trust == MessageTrust.Verified;

    public bool IsFor(string agentId) => ForAgent is { } id && string.Equals(id, agentId, StringComparison.Ordinal);

    public static HandoffFact? Parse(EventView fact) => fact.Type != Type ? null : new HandoffFact(
        fact.Stream,
        fact.Seq,
        Text(fact, "handoff_id"),
        fact.Actor,
        Text(fact, "for"),
        fact.Data["for_agent"]?.GetValue<string>(),
        Text(fact, "summary"),
        Text(fact, "next"),
        fact.Data["bundle"]?.GetValue<string>(),
        FactCheck.Of(fact, null));

    /// <summary>Whether <paramref name="fact"/> is a handoff the hub addressed to <paramref name="agentId"/>.</summary>
    public static bool IsHandoffFor(EventView fact, string agentId) =>
        fact.Type == Type && fact.Data["for_agent"]?.GetValue<string>() is { } id && string.Equals(id, agentId, StringComparison.Ordinal);

    /// <summary>Why a worker must not run it, or null when it may: unsigned, a signature that fails, or an altered record.</summary>
    public string? Refusal => Check switch
    {
        { Trust: MessageTrust.Unsigned } => "it is unsigned",
        { Trust: MessageTrust.BadSignature } => "its signature does not verify",
        { HashValid: false } => "its record was altered (the hash does not match)",
        _ => null,
    };

    private static string Text(EventView fact, string name) => fact.Data[name]?.GetValue<string>() ?? "";
}
