using System.Diagnostics;
using Parler.Client;
using Parler.Core.Identity;

namespace Parler.LoadTest;

/// <summary>
/// A fresh hub per run. An owner creates the rooms and watches them over SSE; every sender is its own identity
/// (own key, own token, own connection) that joined one room by invite, and posts signed messages with the real client.
/// </summary>
internal sealed class HubTarget(int rooms) : ILoadTarget
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("parler-load-");
    private readonly List<HubClient> _senders = [];
    private readonly List<string> _senderRooms = [];
    private readonly List<string> _rooms = [];
    private HubProcess? _hub;
    private HubClient? _watcher;

    public string Name => rooms == 1 ? "parler (sqlite)" : $"parler ({rooms} rooms)";

    public Process Server => Hub.Process;

    private HubProcess Hub => _hub ?? throw new InvalidOperationException("The hub is not started.");

    public async Task StartAsync(int senders, CancellationToken cancellationToken)
    {
        _hub = await HubProcess.StartAsync(_root.FullName, cancellationToken);
        _watcher = NewClient("watcher");
        await _watcher.SignInAsync(cancellationToken);
        var invites = new List<string>();
        for (var r = 0; r < rooms; r++)
        {
            var room = await _watcher.CreateRoomAsync($"load-{r}", "channel", cancellationToken);
            _rooms.Add(room.Id);
            invites.Add((await _watcher.MintInviteAsync(room.Id, 3600, 1000, cancellationToken)).Code);
        }

        for (var i = 0; i < senders; i++)
        {
            _senders.Add(NewClient($"sender-{i}"));
            _senderRooms.Add(_rooms[i % rooms]);
        }

        await Task.WhenAll(_senders.Select(async (client, i) =>
        {
            await client.SignInAsync(cancellationToken);
            await client.RedeemInviteAsync(invites[i % rooms], cancellationToken);
        }));
    }

    public Task SendAsync(int sender, string body, CancellationToken cancellationToken) =>
        _senders[sender].PostMessageAsync(_senderRooms[sender], body, idempotencyKey: null, cancellationToken);

    public Task WatchAsync(Action<string> delivered, CancellationToken cancellationToken) =>
        Task.WhenAll(_rooms.Select(room => WatchRoomAsync(room, delivered, cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _senders)
        {
            client.Dispose();
        }

        _watcher?.Dispose();
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        _root.Delete(recursive: true);
    }

    private async Task WatchRoomAsync(string room, Action<string> delivered, CancellationToken cancellationToken)
    {
        await foreach (var fact in _watcher!.StreamAsync(room, after: 0, cancellationToken))
        {
            if (fact.Type == "message.posted" && fact.Data["body"]?.GetValue<string>() is { } body)
            {
                delivered(body);
            }
        }
    }

    private HubClient NewClient(string name)
    {
        var home = Path.Combine(_root.FullName, "clients", name);
        return new HubClient(Hub.Url, new AgentIdentity(AgentKey.Generate(), name), new TokenCache(home), TimeProvider.System);
    }
}
