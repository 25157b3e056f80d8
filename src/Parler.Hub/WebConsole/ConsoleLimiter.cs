using System.Collections.Concurrent;

namespace Parler.Hub.WebConsole;

/// <summary>
/// The console's own request budget, per console session, apart from the agents' API: a person's open tab (or a
/// runaway one) spends only its own budget.
/// </summary>
internal sealed class ConsoleLimiter(TimeProvider time, int perWindow, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, (long WindowStart, int Count)> _counts = new(StringComparer.Ordinal);

    public bool TryTake(string key)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var entry = _counts.AddOrUpdate(
            key,
            _ => (now, 1),
            (_, e) => now - e.WindowStart >= (long)window.TotalMilliseconds ? (now, 1) : (e.WindowStart, e.Count + 1));
        return entry.Count <= perWindow;
    }
}
