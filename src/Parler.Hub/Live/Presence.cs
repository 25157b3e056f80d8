using System.Collections.Concurrent;
using Parler.Core.Protocol;

namespace Parler.Hub.Live;

/// <summary>
/// Who is around, as this hub process sees it: an agent is online while it holds an open stream or waiting lease,
/// or within <see cref="Window"/> of its last authenticated call. Kept in memory; it is a hint, not a record.
/// </summary>
internal sealed class Presence(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);

    public void Touch(string agentId) => Volatile.Write(ref Get(agentId).LastSeenMs, time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Marks the agent online until the returned handle is disposed (a stream or a waiting call).</summary>
    public IDisposable Hold(string agentId)
    {
        var seen = Get(agentId);
        Interlocked.Increment(ref seen.Open);
        Touch(agentId);
        return new Release(this, agentId, seen);
    }

    public PresenceView Of(string agentId)
    {
        if (!_seen.TryGetValue(agentId, out var seen))
        {
            return new PresenceView(false, null);
        }

        var last = DateTimeOffset.FromUnixTimeMilliseconds(Volatile.Read(ref seen.LastSeenMs));
        return new PresenceView(Volatile.Read(ref seen.Open) > 0 || time.GetUtcNow() - last < Window, last);
    }

    private Seen Get(string agentId) => _seen.GetOrAdd(agentId, static _ => new Seen());

    private sealed class Seen
    {
        public long LastSeenMs;
        public int Open;
    }

    private sealed class Release(Presence presence, string agentId, Seen seen) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                presence.Touch(agentId);
                Interlocked.Decrement(ref seen.Open);
            }
        }
    }
}
