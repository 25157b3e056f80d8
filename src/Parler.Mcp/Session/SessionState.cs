namespace Parler.Mcp.Session;

/// <summary>The session this server is in, as host (it opened one) or guest (it knocked with a key); safe across tool calls.</summary>
internal sealed class SessionState(McpSettings settings)
{
    private readonly Lock _gate = new();
    private SessionSnapshot _current = new(settings.SessionKey is null ? SessionStatus.None : SessionStatus.Knocking, null, null, null);

    public string? Key => settings.SessionKey;

    public SessionSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public void Set(SessionSnapshot snapshot)
    {
        lock (_gate)
        {
            _current = snapshot;
        }
    }
}
