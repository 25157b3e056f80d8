using System.Text.RegularExpressions;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>
/// One hub process with its own port, record and temp folder, and as many identities as a test asks for, each
/// with its own PARLER_HOME. Shared by the tests of one class; tests that kill the hub have a class to themselves.
/// </summary>
public sealed partial class HubFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-e2e-").FullName;
    private int _agents;

    public int Port { get; } = FreePort.Pick();

    public HubProcess Hub { get; private set; } = null!;

    public string HubUrl => $"http://127.0.0.1:{Port}";

    public string HubHome => Path.Combine(_folder, "hub");

    public string DatabasePath => Path.Combine(HubHome, "hub.db");

    /// <summary>A path for a scratch file that lives and dies with this fixture.</summary>
    public string ScratchPath(string fileName) => Path.Combine(_folder, fileName);

    public async Task InitializeAsync()
    {
        Hub = await HubProcess.StartAsync(HubHome, Port, DatabasePath);
        Hub.Url.ShouldBe(HubUrl);
    }

    /// <summary>Starts a new hub process on the same port and record (the previous one must be gone).</summary>
    public async Task<HubProcess> RestartHubAsync()
    {
        await Hub.DisposeAsync();
        Hub = await HubProcess.StartAsync(HubHome, Port, DatabasePath);
        return Hub;
    }

    /// <summary>A new identity with its own home folder; nothing exists until its first command.</summary>
    public ParlerCli Agent(string name) =>
        new(Path.Combine(_folder, $"{name}-{Interlocked.Increment(ref _agents)}"), HubUrl, name);

    /// <summary>The seed guide's start: alice invites to a channel, bob joins with the code.</summary>
    public async Task<Team> TeamAsync(string room = "team")
    {
        var alice = Agent("alice");
        var bob = Agent("bob");
        var code = (await alice.RunOkAsync("invite", "--group", room)).Out.Trim();
        var joined = await bob.RunOkAsync("join", code);
        var roomId = RoomId().Match(joined.Out);
        roomId.Success.ShouldBeTrue(joined.ToString());
        return new Team(alice, bob, roomId.Groups[1].Value);
    }

    public async Task DisposeAsync()
    {
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"\((rm_[A-Za-z0-9_]+)\)")]
    private static partial Regex RoomId();
}
