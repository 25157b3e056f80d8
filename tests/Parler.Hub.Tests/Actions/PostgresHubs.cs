using Parler.Client;
using Parler.Core.Identity;
using Parler.Tests.Shared;

namespace Parler.Hub.Tests.Actions;

/// <summary>
/// In-process hubs on one fresh PostgreSQL database, sharing a clock that stands still (so only a NOTIFY can end what a
/// hub has cached), with clients made for them; everything goes when disposed.
/// </summary>
internal sealed class PostgresHubs(string prefix) : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory(prefix).FullName;
    private readonly List<HubHost> _hubs = [];
    private readonly List<HubClient> _clients = [];
    private string? _database;

    public FakeTime Time { get; } = new();

    /// <summary>One more hub on the shared database (made on the first call).</summary>
    public async Task<HubHost> StartAsync()
    {
        _database ??= await TestPostgres.CreateDatabaseAsync();
        var hub = await HubHost.StartAsync(
            new HubOptions
            {
                Address = "127.0.0.1:0",
                DatabasePath = Path.Combine(_folder, $"hub{_hubs.Count}.db"),
                PostgresConnectionString = TestPostgres.ConnectionString(_database),
            },
            Time,
            null,
            CancellationToken.None);
        _hubs.Add(hub);
        return hub;
    }

    public HubClient Client(HubHost hub, string name)
    {
        var client = new HubClient(hub.Url, new AgentIdentity(AgentKey.Generate(), name), new TokenCache(Path.Combine(_folder, name)), Time);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }

        if (_database is not null)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }

        Directory.Delete(_folder, recursive: true);
    }
}
