namespace Parler.Hub.Storage;

/// <summary>
/// What one store read of a catch-up wrote: how many facts, the seq of the last, and whether it stopped at a fact after
/// the head it was given (one that committed after the answer began).
/// </summary>
internal readonly record struct WrittenFacts(int Count, long Last, bool Beyond);
