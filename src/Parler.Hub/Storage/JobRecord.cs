namespace Parler.Hub.Storage;

/// <summary>
/// One job of a service queue as projected: status is queued, leased, done or failed; a lease past
/// <see cref="LeaseUntil"/> (unix ms) may be leased again; <see cref="Attempts"/> counts leases.
/// </summary>
internal sealed record JobRecord(
    string JobId, string Queue, string Text, string Sender, string Status, string? Worker, long? LeaseUntil, string? Result, int Attempts);
