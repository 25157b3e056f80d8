using Parler.Client;
using Parler.Core.Identity;
using Parler.Hub.Limits;
using Parler.Tests.Shared;

namespace Parler.Hub.Tests.Actions;

/// <summary>
/// A real hub in this process on either store (SQLite, or a fresh PostgreSQL database), on a clock that stands still,
/// with clients that sign in to it; restartable on the same record. For the tests that race or count across stores.
/// </summary>
internal sealed class StoreHub(string folderPrefix) : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory(folderPrefix).FullName;
    private readonly List<HubClient> _clients = [];
    private HubHost? _hub;
    private string? _database;
    private HubLimits _limits = new();

    /// <summary>Facts per store read of messages.history; small in tests, so a short room crosses pages.</summary>
    public int HistoryPage { get; set; } = 2000;

    public static TheoryData<string> Stores => ["sqlite", "postgres"];

    public FakeTime Time { get; } = new();

    public Uri Url => _hub!.Url;

    public IServiceProvider Services => _hub!.Services;

    /// <summary>The hub's <see cref="HubOptions.StreamKeepAlive"/> (its default unless a test shortens it).</summary>
    public TimeSpan StreamKeepAlive { get; init; } = new HubOptions { DatabasePath = "-" }.StreamKeepAlive;

    public async Task StartAsync(string store, HubLimits? limits = null)
    {
        if (store == "postgres")
        {
            _database = await TestPostgres.CreateDatabaseAsync();
        }

        _limits = limits ?? _limits;
        await RestartAsync();
    }

    /// <summary>Stops the hub (if it runs) and starts it again on the same record and limits.</summary>
    public async Task RestartAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        _hub = await HubHost.StartAsync(
            new HubOptions
            {
                Address = "127.0.0.1:0",
                DatabasePath = Path.Combine(_folder, "hub.db"),
                PostgresConnectionString = _database is null ? null : TestPostgres.ConnectionString(_database),
                Limits = _limits,
                StreamKeepAlive = StreamKeepAlive,
                HistoryPage = HistoryPage,
            },
            Time,
            null,
            CancellationToken.None);
    }

    /// <summary>A client of its own (its own token cache), as a new agent or as <paramref name="identity"/> again.</summary>
    public HubClient NewClient(string name, AgentIdentity? identity = null)
    {
        var client = new HubClient(
            Url, identity ?? new AgentIdentity(AgentKey.Generate(), name), new TokenCache(Path.Combine(_folder, name + _clients.Count)), Time);
        _clients.Add(client);
        return client;
    }

    /// <summary>A channel room and its owner.</summary>
    public async Task<(HubClient Owner, string Room)> RoomAsync(string name)
    {
        var owner = NewClient("owner");
        return (owner, (await owner.CreateRoomAsync(name, "channel", CancellationToken.None)).Id);
    }

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        if (_database is not null)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }

        Directory.Delete(_folder, recursive: true);
    }
}
