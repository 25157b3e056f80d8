namespace Parler.Hub.Limits;

/// <summary>
/// One quota: at most <paramref name="Limit"/> units per <paramref name="Window"/> for each subject (an agent, a room, a
/// source address), counted in fixed windows in the record itself, so every hub on one database shares the budget and a
/// restart resets nothing. A limit of 0 turns the rule off. A zero window counts for ever (rooms owned).
/// </summary>
internal sealed record LimitRule(string Name, long Limit, TimeSpan Window, string Unit, string Advice)
{
    public bool Off => Limit <= 0;

    /// <summary>The start of the window holding <paramref name="nowMs"/> (unix ms); 0 for a rule that never resets.</summary>
    public long WindowStart(long nowMs) => Window <= TimeSpan.Zero ? 0 : nowMs - (nowMs % (long)Window.TotalMilliseconds);

    /// <summary>How long until the window holding <paramref name="nowMs"/> ends; null for a rule that never resets.</summary>
    public TimeSpan? RetryAfter(long nowMs) =>
        Window <= TimeSpan.Zero ? null : TimeSpan.FromMilliseconds(WindowStart(nowMs) + (long)Window.TotalMilliseconds - nowMs);
}
