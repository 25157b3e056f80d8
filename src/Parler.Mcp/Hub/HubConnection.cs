using ModelContextProtocol;
using Parler.Client;
using Parler.Core.Identity;

namespace Parler.Mcp.Hub;

/// <summary>
/// The MCP server's way to the hub. Nothing is dialled until a tool needs it, so <c>initialize</c> never waits on a
/// hub. Each call gets its own <see cref="HubClient"/> (they share one connection pool and the token cache), so a
/// read that waits never holds up another tool; sign-in happens once, behind a gate.
/// </summary>
internal sealed class HubConnection(McpSettings settings, TimeProvider time) : IDisposable
{
    private readonly SocketsHttpHandler _pool = new() { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) };
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private readonly Lazy<AgentIdentity> _identity = new(() => IdentityFile.LoadOrCreate(settings.Home, settings.Name));
    private readonly TokenCache _tokens = new(settings.Home);

    public McpSettings Settings => settings;

    public TimeProvider Time => time;

    /// <summary>This agent's identity under PARLER_HOME, created on first use.</summary>
    public AgentIdentity Identity => _identity.Value;

    public string HubText => settings.Hub.ToString().TrimEnd('/');

    /// <summary>Runs one call against the hub; refusals and an unreachable hub become messages the agent can act on.</summary>
    public async Task<T> RunAsync<T>(Func<HubClient, Task<T>> call, CancellationToken cancellationToken)
    {
        AgentIdentity identity;
        try
        {
            identity = Identity;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new McpException($"Cannot load this agent's identity from {settings.Home}: {ex.Message}");
        }

        using var client = new HubClient(settings.Hub, identity, _tokens, time, new BorrowedHandler(_pool));
        try
        {
            await SignInOnceAsync(client, cancellationToken);
            return await call(client);
        }
        catch (HubClientException ex)
        {
            throw ToolError(ex);
        }
    }

    private McpException ToolError(HubClientException ex) => ex switch
    {
        { InnerException: HttpRequestException cause } => new HubUnreachableException(
            $"Cannot reach the hub at {HubText}: start one with 'parler hub' or set PARLER_HUB to the hub's URL. ({cause.Message})", ex),
        { Problem: { } problem } => new McpException($"The hub refused: {problem.Detail} (code {problem.Code}; next step: {problem.Action}).", ex),
        _ => new McpException(ex.Message, ex),
    };

    public void Dispose()
    {
        _pool.Dispose();
        _signIn.Dispose();
    }

    private async Task SignInOnceAsync(HubClient client, CancellationToken cancellationToken)
    {
        if (HasLiveToken())
        {
            return;
        }

        await _signIn.WaitAsync(cancellationToken);
        try
        {
            if (!HasLiveToken())
            {
                await client.SignInAsync(cancellationToken);
            }
        }
        finally
        {
            _signIn.Release();
        }
    }

    /// <summary>The same test <see cref="HubClient"/> applies before it reuses a cached token.</summary>
    private bool HasLiveToken() =>
        _tokens.Get(HubText, Identity.Id) is { } cached && cached.ExpiresAt > time.GetUtcNow().AddMinutes(1);
}
