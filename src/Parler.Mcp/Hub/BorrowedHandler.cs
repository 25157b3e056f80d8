namespace Parler.Mcp.Hub;

/// <summary>Lends one shared connection pool to a short-lived client: disposing the client leaves the pool open.</summary>
internal sealed class BorrowedHandler(HttpMessageHandler shared) : DelegatingHandler(shared)
{
    protected override void Dispose(bool disposing)
    {
        // The pool belongs to HubConnection, which disposes it once, at shutdown.
    }
}
