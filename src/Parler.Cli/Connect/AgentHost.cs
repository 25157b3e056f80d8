namespace Parler.Cli.Connect;

/// <summary>One AI client Parler can wire: where its MCP config lives, how to tell it is installed, and its file format.</summary>
/// <param name="Id">Short stable id; also the folder of its identity under PARLER_HOME/agents.</param>
/// <param name="DisplayName">The product's name, for people.</param>
/// <param name="ConfigPath">The file that holds its MCP servers.</param>
/// <param name="Markers">Folders or files whose presence means it is installed.</param>
/// <param name="Format">How Parler's entry is written into that file.</param>
/// <param name="Cli">The host's own command for adding MCP servers, used when it is on PATH.</param>
internal sealed record AgentHost(
    string Id, string DisplayName, string ConfigPath, IReadOnlyList<string> Markers, HostFormat Format, string? Cli = null)
{
    public bool Installed => File.Exists(ConfigPath) || Markers.Any(m => Directory.Exists(m) || File.Exists(m));
}
