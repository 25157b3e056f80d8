using System.Collections.Concurrent;

namespace Parler.Hub.Storage;

/// <summary>
/// What the hub has read from the record, kept until a commit says it changed. Each entry belongs to a subject (a
/// token to its agent's stream, a room to itself); <see cref="Changed"/> must hear of every commit before its readers wake
/// and before its writer is answered (on this hub, or on another hub of the same PostgreSQL database through NOTIFY).
/// A lookup stamps its entry before it reads, so a change that lands during the read is never hidden; entries also expire
/// after <see cref="MaxAge"/>, bounding how long a lost notification between hubs could keep something stale. Both maps
/// are bounded: past <see cref="MaxEntries"/> they are cleared, and entries stamped before that clear are not trusted.
/// </summary>
internal sealed class ChangeStampedCache<T>(TimeProvider time, Func<T, string> subjectOf) where T : class
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (T Value, long Stamp, long At)> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _changed = new(StringComparer.Ordinal);
    private long _clock;
    private long _floor;

    /// <summary>A commit changed <paramref name="subject"/>: its entries are read again.</summary>
    public void Changed(string subject)
    {
        if (_changed.Count >= MaxEntries)
        {
            // Forget every change, then every entry stamped before the clear ended, so nothing stale survives it.
            _changed.Clear();
            Interlocked.Exchange(ref _floor, Interlocked.Increment(ref _clock));
        }

        _changed[subject] = Interlocked.Increment(ref _clock);
    }

    /// <summary>The value under <paramref name="key"/>, from what is known when <paramref name="cached"/> allows it, else <paramref name="read"/>.</summary>
    public async Task<T?> GetAsync(string key, bool cached, Func<CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (cached && _entries.TryGetValue(key, out var known) && now - known.At < MaxAge.TotalMilliseconds
            && known.Stamp > Interlocked.Read(ref _floor)
            && (!_changed.TryGetValue(subjectOf(known.Value), out var changed) || changed < known.Stamp))
        {
            return known.Value;
        }

        var stamp = Interlocked.Increment(ref _clock);
        var value = await read(cancellationToken);
        if (value is not null)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[key] = (value, stamp, now);
        }

        return value;
    }
}
