using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Limits;

/// <summary>Charges a quota in the record, inside the write it guards, and refuses past the limit with a true Retry-After.</summary>
internal static class Quota
{
    /// <summary>Adds <paramref name="amount"/> to the subject's window and refuses when that goes past the limit.</summary>
    public static async Task ChargeAsync(
        IStoreWriter writer, TimeProvider time, LimitRule rule, string subject, long amount, CancellationToken cancellationToken)
    {
        if (rule.Off)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var used = await writer.CountAsync(WindowKey(rule, subject), rule.WindowStart(now), amount, cancellationToken);
        if (used > rule.Limit)
        {
            throw Refusal(rule, now);
        }
    }

    /// <summary>Before the writer: refuses when the subject has already used the whole window.</summary>
    public static async Task CheckAsync(IHubStore store, TimeProvider time, LimitRule rule, string subject, long amount, CancellationToken cancellationToken)
    {
        if (rule.Off)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (await store.ReadCountAsync(WindowKey(rule, subject), rule.WindowStart(now), cancellationToken) + amount > rule.Limit)
        {
            throw Refusal(rule, now);
        }
    }

    /// <summary>The key of the rule's window row for one subject.</summary>
    public static string WindowKey(LimitRule rule, string subject) => rule.Name + ":" + subject;

    public static HubException Refusal(LimitRule rule, long nowMs) => Refused(rule, nowMs).ToException();

    /// <summary>The refusal past <paramref name="rule"/>'s limit at <paramref name="nowMs"/>, as a decider answers it.</summary>
    public static Refusal Refused(LimitRule rule, long nowMs)
    {
        var retry = rule.RetryAfter(nowMs);
        var when = retry is { } wait ? $"Try again in {Words(wait)}" : "This does not reset with time";
        return new Refusal(ErrorCodes.RateLimited, $"Over this hub's limit of {rule.Limit} {rule.Unit}. {when}; meanwhile {rule.Advice}.")
        {
            RetryAfter = retry,
        };
    }

    private static string Words(TimeSpan wait) =>
        wait.TotalSeconds < 90 ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds" : $"{(int)Math.Ceiling(wait.TotalMinutes)} minutes";
}
