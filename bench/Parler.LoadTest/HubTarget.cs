using Parler.Client;
using Parler.Core.Identity;
using Parler.Tests.Shared;

namespace Parler.LoadTest;

/// <summary>
/// A fresh hub per run (on SQLite, or on a fresh PostgreSQL database; with several hubs on that database the senders are
/// spread over them and the watcher sits on the first, so their messages reach it through LISTEN/NOTIFY). An owner creates
/// the rooms and watches them over SSE (more watchers join by invite); every sender is its own identity (own key, own token, own connection) that joined
/// one room by invite, and posts signed messages with the real client.
/// </summary>
internal sealed class HubTarget(int rooms, string? postgres = null, int hubs = 1, string? executable = null) : ILoadTarget
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("parler-load-");
    private readonly List<HubProcess> _hubs = [];
    private readonly List<HubClient> _senders = [];
    private readonly List<string> _senderRooms = [];
    private readonly List<string> _rooms = [];
    private readonly List<HubClient> _moreWatchers = [];
    private readonly List<string> _watcherTokens = [];
    private string? _database;
    private HubClient? _watcher;

    public string Name => executable is null ? OwnName : OwnName.Replace("parler", "baseline", StringComparison.Ordinal);

    private string OwnName => (postgres, hubs, rooms) switch
    {
        (null, _, 1) => "parler (sqlite)",
        (null, _, _) => $"parler ({rooms} rooms)",
        (_, 1, _) => "parler (pg)",
        _ => $"parler (pg, {hubs} hubs)",
    };

    public TimeSpan ServerCpu => _hubs.Aggregate(TimeSpan.Zero, (sum, hub) => sum + hub.Process.TotalProcessorTime);

    public async Task StartAsync(int senders, int watchers, CancellationToken cancellationToken)
    {
        _database = postgres is null ? Path.Combine(_root.FullName, "hub.db") : await TestPostgres.CreateDatabaseAsync();
        for (var h = 0; h < hubs; h++)
        {
            _hubs.Add(await HubProcess.StartAsync(_database, Path.Combine(_root.FullName, $"hubhome-{h}"), cancellationToken, executable));
        }

        _watcher = NewClient("watcher", 0);
        _watcherTokens.Add((await _watcher.SignInAsync(cancellationToken)).Token);
        var invites = new List<string>();
        for (var r = 0; r < rooms; r++)
        {
            var room = await _watcher.CreateRoomAsync($"load-{r}", "channel", cancellationToken);
            _rooms.Add(room.Id);
            invites.Add((await _watcher.MintInviteAsync(room.Id, 3600, 1000, cancellationToken)).Code);
        }

        for (var i = 0; i < senders; i++)
        {
            _senders.Add(NewClient($"sender-{i}", i % hubs));
            _senderRooms.Add(_rooms[i % rooms]);
        }

        await Task.WhenAll(_senders.Select(async (client, i) =>
        {
            await client.SignInAsync(cancellationToken);
            await client.RedeemInviteAsync(invites[i % rooms], cancellationToken);
        }));

        // Watchers beyond the owner are members of every room, each its own identity and connection on the first hub.
        _moreWatchers.AddRange(Enumerable.Range(1, watchers - 1).Select(w => NewClient($"watcher-{w}", 0)));
        _watcherTokens.AddRange(await Task.WhenAll(_moreWatchers.Select(async client =>
        {
            var token = (await client.SignInAsync(cancellationToken)).Token;
            foreach (var invite in invites)
            {
                await client.RedeemInviteAsync(invite, cancellationToken);
            }

            return token;
        })));
    }

    public Task SendAsync(int sender, string body, CancellationToken cancellationToken) =>
        _senders[sender].PostMessageAsync(_senderRooms[sender], body, idempotencyKey: null, cancellationToken);

    public Task WatchAsync(int watcher, Action<string> delivered, CancellationToken cancellationToken) =>
        Task.WhenAll(_rooms.Select(room => SseWatch.FollowAsync(_hubs[0].Url, _watcherTokens[watcher], room, delivered, cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _senders.Concat(_moreWatchers))
        {
            client.Dispose();
        }

        _watcher?.Dispose();
        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }

        if (postgres is not null && _database is not null)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }

        _root.Delete(recursive: true);
    }

    private HubClient NewClient(string name, int hub)
    {
        var home = Path.Combine(_root.FullName, "clients", name);
        return new HubClient(_hubs[hub].Url, new AgentIdentity(AgentKey.Generate(), name), new TokenCache(home), TimeProvider.System);
    }
}
