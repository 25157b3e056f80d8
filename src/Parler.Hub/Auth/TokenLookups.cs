using System.Collections.Concurrent;
using Parler.Hub.Storage;

namespace Parler.Hub.Auth;

/// <summary>
/// Bearer tokens the hub has looked up, by hash, so an authenticated request costs no read of the record. A token's
/// facts (issued, revoked) land in its agent's stream, so a commit touching that stream (on this hub, or on another hub
/// of the same PostgreSQL database, announced by NOTIFY) drops what is known of the agent's tokens; it is dropped before
/// any reader is woken for that commit and before its writer is answered. A lookup stamps its entry before it reads, so a
/// revocation that lands during the read is never hidden. Entries also expire after <see cref="MaxAge"/>, bounding how
/// long a lost notification between hubs could keep a revoked token working.
/// </summary>
internal sealed class TokenLookups(IHubStore store, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (TokenRecord Token, long Stamp, long At)> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _changed = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>Streams a commit touched: the tokens of any agent among them are read again.</summary>
    public void Changed(IReadOnlyCollection<string> streams)
    {
        foreach (var stream in streams)
        {
            _changed[stream] = Interlocked.Increment(ref _clock);
        }
    }

    public async Task<TokenRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_tokens.TryGetValue(tokenHash, out var known) && now - known.At < MaxAge.TotalMilliseconds
            && (!_changed.TryGetValue(known.Token.AgentId, out var changed) || changed < known.Stamp))
        {
            return known.Token;
        }

        var stamp = Interlocked.Increment(ref _clock);
        var token = await store.FindTokenAsync(tokenHash, cancellationToken);
        if (token is not null)
        {
            if (_tokens.Count >= MaxEntries)
            {
                _tokens.Clear();
            }

            _tokens[tokenHash] = (token, stamp, now);
        }

        return token;
    }
}
