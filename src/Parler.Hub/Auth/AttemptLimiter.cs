using System.Collections.Concurrent;

namespace Parler.Hub.Auth;

/// <summary>Counts failed attempts per key in a fixed window, so guessing codes is hopeless.</summary>
internal sealed class AttemptLimiter(TimeProvider time, int limit, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, (long WindowStart, int Failures)> _failures = new(StringComparer.Ordinal);

    public bool IsBlocked(string key) =>
        _failures.TryGetValue(key, out var entry) && !Expired(entry.WindowStart) && entry.Failures >= limit;

    public void RecordFailure(string key) =>
        _failures.AddOrUpdate(
            key,
            _ => (Now, 1),
            (_, entry) => Expired(entry.WindowStart) ? (Now, 1) : (entry.WindowStart, entry.Failures + 1));

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    private bool Expired(long windowStart) => Now - windowStart > (long)window.TotalMilliseconds;
}
