using System.Text;

namespace Parler.Cli.Connect;

/// <summary>Codex's <c>config.toml</c>: the <c>[mcp_servers.parler]</c> table and its <c>.env</c> subtable.</summary>
internal sealed class CodexFormat : HostFormat
{
    private const string Table = "mcp_servers." + ServerName;

    public static CodexFormat Instance { get; } = new();

    public override McpEntry? Read(string text)
    {
        if (TomlEditor.Get(text, Table) is not { } block)
        {
            return null;
        }

        string command = "";
        var env = new List<KeyValuePair<string, string>>();
        var inEnv = false;
        foreach (var raw in block.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inEnv = line.Replace(" ", "", StringComparison.Ordinal) == $"[{Table}.env]";
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || line[(equals + 1)..].Trim() is not ['"', .., '"'] quoted)
            {
                continue;
            }

            var key = line[..equals].Trim().Trim('"');
            var value = Unquote(quoted);
            if (inEnv)
            {
                env.Add(KeyValuePair.Create(key, value));
            }
            else if (key == "command")
            {
                command = value;
            }
        }

        return new McpEntry(command, ["mcp"], env);
    }

    public override string Write(string text, McpEntry entry)
    {
        var block = new StringBuilder()
            .Append($"[{Table}]\n")
            .Append($"command = {TomlEditor.Quote(entry.Command)}\n")
            .Append($"args = [{string.Join(", ", entry.Args.Select(TomlEditor.Quote))}]\n")
            .Append($"\n[{Table}.env]\n");
        foreach (var (key, value) in entry.Env)
        {
            block.Append($"{key} = {TomlEditor.Quote(value)}\n");
        }

        return TomlEditor.Set(text, Table, block.ToString());
    }

    public override string Remove(string text) => TomlEditor.Remove(text, Table);

    private static string Unquote(string quoted) =>
        quoted[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
}
