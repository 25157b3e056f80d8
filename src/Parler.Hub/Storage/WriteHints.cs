using Parler.Hub.Limits;

namespace Parler.Hub.Storage;

/// <summary>
/// What a write will look up inside the writer, told before it is queued: a store that reads all of a batch's lookups in
/// one round trip (PostgreSQL) reads these ahead; a write still asks for each, and one not hinted is read as ever. A hint
/// changes no answer, only when the row is read: the write sees the record as of its turn either way.
/// </summary>
internal sealed class WriteHints
{
    private readonly List<(string Key, long WindowStart)> _windows = [];

    /// <summary>The room whose row (and stream head) the write reads and locks.</summary>
    public string? Room { get; set; }

    /// <summary>The idempotency record the write looks up.</summary>
    public (string Principal, string Key)? Idempotency { get; set; }

    /// <summary>The signed post's nonce the write checks against its room.</summary>
    public (string Room, string Nonce)? Nonce { get; set; }

    /// <summary>The quota windows the write charges.</summary>
    public IReadOnlyList<(string Key, long WindowStart)> Windows => _windows;

    /// <summary>Hints the window <see cref="Quota.ChargeAsync"/> charges for this rule and subject now (nothing for a rule that is off).</summary>
    public void AddWindow(LimitRule rule, string subject, TimeProvider time)
    {
        if (!rule.Off)
        {
            _windows.Add((Quota.WindowKey(rule, subject), rule.WindowStart(time.GetUtcNow().ToUnixTimeMilliseconds())));
        }
    }
}
