using Parler.Client;
using Parler.Core.Identity;

namespace Parler.LoadTest;

/// <summary>
/// The floor target: <see cref="FloorServer"/> in its own process, driven by the same client as the hub (the real
/// <see cref="HubClient"/>: signed post, Idempotency-Key, one connection per sender, the reply parsed) with the same
/// body size, and followed by the same SSE watchers. Each client holds a made-up token in its cache, so it never signs in.
/// </summary>
internal sealed class FloorTarget : ILoadTarget
{
    private const string Room = "rm_floor";
    private const string Token = "floor";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("parler-load-floor-");
    private readonly List<HubClient> _senders = [];
    private HubProcess? _server;

    public string Name => "floor (kestrel)";

    public TimeSpan ServerCpu => Server.Process.TotalProcessorTime;

    private HubProcess Server => _server ?? throw new InvalidOperationException("The floor server is not started.");

    public async Task StartAsync(int senders, int watchers, CancellationToken cancellationToken)
    {
        _server = await HubProcess.StartFloorAsync(cancellationToken);
        for (var i = 0; i < senders; i++)
        {
            var identity = new AgentIdentity(AgentKey.Generate(), $"sender-{i}");
            var tokens = new TokenCache(Path.Combine(_root.FullName, "clients", identity.Name));
            tokens.Put(_server.Url.ToString().TrimEnd('/'), new CachedToken(Token, "tok_floor", identity.Id, DateTimeOffset.MaxValue));
            _senders.Add(new HubClient(_server.Url, identity, tokens, TimeProvider.System));
        }
    }

    public Task SendAsync(int sender, string body, CancellationToken cancellationToken) =>
        _senders[sender].PostMessageAsync(Room, body, idempotencyKey: null, cancellationToken);

    public Task WatchAsync(int watcher, Action<string> delivered, CancellationToken cancellationToken) =>
        SseWatch.FollowAsync(Server.Url, Token, Room, delivered, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _senders)
        {
            client.Dispose();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _root.Delete(recursive: true);
    }
}
