using Parler.Client;
using Parler.Core.Identity;

namespace Parler.Cli.Connect;

/// <summary>What <c>parler connect</c> works with: this machine's hosts, the user's Parler home and the command hosts run.</summary>
internal sealed class ConnectSetup(CliHost host, HostPlatform platform)
{
    public const string AgentsFolder = "agents";

    public CliHost Host => host;

    public HostDirectories Directories { get; } = HostDirectories.From(platform, host.Environment);

    public IReadOnlyList<AgentHost> Hosts => HostTable.For(Directories);

    /// <summary>The hosts installed here: their config or a marker folder exists, or their own CLI is on PATH.</summary>
    public IEnumerable<AgentHost> Installed => Hosts.Where(IsInstalled);

    public bool IsInstalled(AgentHost agent) => agent.Installed || ClaudeCli.Find(agent, host.Environment) is not null;

    /// <summary>PARLER_HOME (or ~/.parler): the local hub's home, and the parent of every agent's own home.</summary>
    public string ParlerHome => Core.Identity.ParlerHome.Resolve(host.Environment(Core.Identity.ParlerHome.EnvironmentVariable), Directories.Home);

    public string Executable => ConnectCommandExecutable.Resolve(host);

    public string AgentHome(AgentHost agent) => Path.Combine(ParlerHome, AgentsFolder, agent.Id);

    public McpEntry EntryFor(AgentHost agent, Uri hub) => new(
        Executable,
        ["mcp"],
        [
            KeyValuePair.Create("PARLER_HOME", AgentHome(agent)),
            KeyValuePair.Create("PARLER_HUB", HubText(hub)),
            KeyValuePair.Create("PARLER_NAME", agent.Id),
        ]);

    /// <summary>The hub URL as configs carry it: no trailing slash, the certificate pin (if any) as the fragment.</summary>
    public static string HubText(Uri hub) => HubPin.WithoutPin(hub).ToString().TrimEnd('/') + hub.Fragment;

    /// <summary>Creates the agent's own home and identity now, so its id is known before the host first starts it.</summary>
    public AgentIdentity PrepareAgent(AgentHost agent, Uri hub, string? joinSecret)
    {
        var home = AgentHome(agent);
        var identity = IdentityFile.LoadOrCreate(home, agent.Id);
        if (joinSecret is not null)
        {
            JoinSecretFile.Write(home, hub, joinSecret);
        }

        return identity;
    }
}
