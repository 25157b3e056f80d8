using System.Text.RegularExpressions;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>
/// One hub process with its own port, record and temp folder, and as many identities as a test asks for, each
/// with its own PARLER_HOME. Shared by the tests of one class; tests that kill the hub have a class to themselves.
/// The record is SQLite, or a fresh PostgreSQL database when PARLER_E2E_STORE=postgres (the whole suite runs on
/// either) or the fixture is a <see cref="PostgresHubFixture"/>; then more hubs can share it (<see cref="AddHubAsync"/>).
/// </summary>
public partial class HubFixture : IAsyncLifetime
{
    public const string StoreVariable = "PARLER_E2E_STORE";

    private readonly string _folder = Directory.CreateTempSubdirectory("parler-e2e-").FullName;
    private readonly List<HubProcess> _extraHubs = [];
    private int _agents;

    public int Port { get; } = FreePort.Pick();

    public HubProcess Hub { get; private set; } = null!;

    public string HubUrl => $"http://127.0.0.1:{Port}";

    public string HubHome => Path.Combine(_folder, "hub");

    /// <summary>The hub's --db: the SQLite file, or the PostgreSQL database's URL.</summary>
    public string Database { get; private set; } = "";

    public bool UsesPostgres => Postgres;

    /// <summary>Whether the record is PostgreSQL; by default from PARLER_E2E_STORE.</summary>
    protected virtual bool Postgres =>
        string.Equals(Environment.GetEnvironmentVariable(StoreVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>A path for a scratch file that lives and dies with this fixture.</summary>
    public string ScratchPath(string fileName) => Path.Combine(_folder, fileName);

    public async Task InitializeAsync()
    {
        Database = Postgres ? await TestPostgres.CreateDatabaseAsync() : Path.Combine(HubHome, "hub.db");
        Hub = await HubProcess.StartAsync(HubHome, Port, Database);
        Hub.Url.ShouldBe(HubUrl);
    }

    /// <summary>Starts a new hub process on the same port and record (the previous one must be gone).</summary>
    public async Task<HubProcess> RestartHubAsync()
    {
        await Hub.DisposeAsync();
        Hub = await HubProcess.StartAsync(HubHome, Port, Database);
        return Hub;
    }

    /// <summary>Another hub on its own port and home, sharing this fixture's PostgreSQL record.</summary>
    public async Task<HubProcess> AddHubAsync()
    {
        Postgres.ShouldBeTrue("only hubs on PostgreSQL can share a record");
        var hub = await HubProcess.StartAsync(Path.Combine(_folder, $"hub-{_extraHubs.Count + 2}"), FreePort.Pick(), Database);
        _extraHubs.Add(hub);
        return hub;
    }

    /// <summary>A new identity with its own home folder; nothing exists until its first command.</summary>
    public ParlerCli Agent(string name, string? hubUrl = null) =>
        new(Path.Combine(_folder, $"{name}-{Interlocked.Increment(ref _agents)}"), hubUrl ?? HubUrl, name);

    /// <summary>The seed guide's start: alice invites to a channel, bob joins with the code.</summary>
    public async Task<Team> TeamAsync(string room = "team", string? bobsHub = null)
    {
        var alice = Agent("alice");
        var bob = Agent("bob", bobsHub);
        var code = (await alice.RunOkAsync("invite", "--group", room)).Out.Trim();
        var joined = await bob.RunOkAsync("join", code);
        var roomId = RoomId().Match(joined.Out);
        roomId.Success.ShouldBeTrue(joined.ToString());
        return new Team(alice, bob, roomId.Groups[1].Value);
    }

    public async Task DisposeAsync()
    {
        foreach (var hub in _extraHubs)
        {
            await hub.DisposeAsync();
        }

        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        if (Postgres && Database.Length > 0)
        {
            await TestPostgres.DropDatabaseAsync(Database);
        }

        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"\((rm_[A-Za-z0-9_]+)\)")]
    private static partial Regex RoomId();
}
