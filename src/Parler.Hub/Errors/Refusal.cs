namespace Parler.Hub.Errors;

/// <summary>A decider's "no": a registered error and the detail the caller reads; thrown at the edge as a <see cref="HubException"/>.</summary>
internal sealed record Refusal(ErrorCode Error, string Detail)
{
    /// <summary>For a quota's refusal: when the caller may try again; null when it never resets.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public HubException ToException() => new(Error, Detail) { RetryAfter = RetryAfter };
}
