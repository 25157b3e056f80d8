using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>
/// What a pure decider answers: the fact to append (null when there is nothing to do), or a refusal from the error
/// registry. A decider reads no store and no clock of its own; its handler loads the state, asks, and appends.
/// </summary>
internal readonly record struct Decision<TFact>(TFact? Fact, Refusal? Refusal)
    where TFact : class
{
    public static Decision<TFact> Append(TFact fact) => new(fact, null);

    public static Decision<TFact> Nothing() => new(null, null);

    public static Decision<TFact> Refuse(ErrorCode error, string detail) => new(null, new Refusal(error, detail));

    /// <summary>The fact to append, or null for none; a refusal is thrown as the hub's error.</summary>
    public TFact? Unwrap() => Refusal is { } refusal ? throw refusal.ToException() : Fact;
}
