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
    private readonly SocketsHttpHandler _pool = HubPin.Handler(settings.Hub);
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private readonly Lazy<AgentIdentity> _identity = new(() => IdentityFile.LoadOrCreate(settings.Home, settings.Name));
    private readonly TokenCache _tokens = new(settings.Home);
    private readonly SemaphoreSlim _hubStart = new(1, 1);
    private readonly TaskCompletionSource _dialled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _hubStartFailed;

    /// <summary>Completes once a call has signed in to the hub: what watches the hub waits for it, so nothing dials before a tool does.</summary>
    public Task Dialled => _dialled.Task;

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
            try
            {
                await SignInOnceAsync(client, cancellationToken);
                _dialled.TrySetResult();
                return await call(client);
            }
            catch (HubClientException ex) when (ex.Unreachable && settings.HubExecutable is not null && LocalHub.IsLocal(settings.Hub))
            {
                // Any call, not only the first sign-in: a local hub that went away is started again and the call retried.
                if (!await StartLocalHubAsync(cancellationToken))
                {
                    throw;
                }

                await SignInOnceAsync(client, cancellationToken);
                _dialled.TrySetResult();
                return await call(client);
            }
        }
        catch (HubClientException ex)
        {
            throw ToolError(ex);
        }
    }

    /// <summary>
    /// A local hub that does not answer is started in the background, as <c>parler connect</c> would (several servers
    /// finding it down together start one: <see cref="LocalHub.EnsureAsync"/> holds the start lock). After a start
    /// that failed, this server does not try again.
    /// </summary>
    private async Task<bool> StartLocalHubAsync(CancellationToken cancellationToken)
    {
        if (settings.HubExecutable is not { } executable || !LocalHub.IsLocal(settings.Hub) || LocalHub.HomeFor(settings.Home) is not { } hubHome)
        {
            return false;
        }

        await _hubStart.WaitAsync(cancellationToken);
        try
        {
            if (_hubStartFailed)
            {
                return false;
            }

            var address = $"{settings.Hub.Host}:{settings.Hub.Port}";
            try
            {
                await LocalHub.EnsureAsync(
                    executable, hubHome, settings.Hub, ["--addr", address], new Dictionary<string, string>(), time, cancellationToken);
                return true;
            }
            catch (IOException)
            {
                _hubStartFailed = true;
                return false;
            }
        }
        finally
        {
            _hubStart.Release();
        }
    }

    private McpException ToolError(HubClientException ex) => ex switch
    {
        { InnerException: HttpRequestException cause } => new HubUnreachableException(
            $"Cannot reach the hub at {HubText}: it is down or the address is wrong. Tell your person (the hub runs outside this chat, and PARLER_HUB names it), then call this tool again. ({cause.Message})", ex),
        { Problem: { } problem } => new McpException($"The hub refused: {problem.Detail} (code {problem.Code}; next step: {problem.Action}).", ex),
        _ => new McpException(ex.Message, ex),
    };

    public void Dispose()
    {
        _pool.Dispose();
        _signIn.Dispose();
        _hubStart.Dispose();
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
