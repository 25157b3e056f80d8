namespace Parler.Cli.Connect;

/// <summary>How one family of hosts stores MCP servers in a file. Every edit touches only Parler's entry.</summary>
internal abstract class HostFormat
{
    public const string ServerName = "parler";

    /// <summary>Parler's entry in <paramref name="text"/>, or null; throws <see cref="InvalidDataException"/> when the file is malformed.</summary>
    public abstract McpEntry? Read(string text);

    public abstract string Write(string text, McpEntry entry);

    public abstract string Remove(string text);

    /// <summary>The smallest file holding just the entry, for <c>--print</c>.</summary>
    public string Snippet(McpEntry entry) => Write("", entry);
}
