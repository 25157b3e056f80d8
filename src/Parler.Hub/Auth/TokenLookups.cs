using Parler.Hub.Storage;

namespace Parler.Hub.Auth;

/// <summary>
/// Bearer tokens the hub has looked up, by hash, so an authenticated request costs no read of the record. A token's
/// facts (issued, revoked) land in its agent's stream, so a commit touching that stream drops what is known of the
/// agent's tokens (see <see cref="ChangeStampedCache{T}"/> for when and how long).
/// </summary>
internal sealed class TokenLookups(IHubStore store, TimeProvider time)
{
    private readonly ChangeStampedCache<TokenRecord> _tokens = new(time, token => token.AgentId);

    /// <summary>Streams a commit touched: the tokens of any agent among them are read again.</summary>
    public void Changed(IReadOnlyCollection<string> streams)
    {
        foreach (var stream in streams)
        {
            _tokens.Changed(stream);
        }
    }

    public Task<TokenRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        _tokens.GetAsync(tokenHash, cached: true, ct => store.FindTokenAsync(tokenHash, ct), cancellationToken);
}
