namespace Parler.Hub.Errors;

/// <summary>A decider's "no": a registered error and the detail the caller reads; thrown at the edge as a <see cref="HubException"/>.</summary>
internal sealed record Refusal(ErrorCode Error, string Detail)
{
    public HubException ToException() => new(Error, Detail);
}
