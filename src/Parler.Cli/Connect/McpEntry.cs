namespace Parler.Cli.Connect;

/// <summary>What a host runs for Parler: the command, its arguments and its environment (sorted, so output is stable).</summary>
internal sealed record McpEntry(string Command, IReadOnlyList<string> Args, IReadOnlyList<KeyValuePair<string, string>> Env)
{
    public string? EnvValue(string name) => Env.FirstOrDefault(e => string.Equals(e.Key, name, StringComparison.Ordinal)).Value;

    /// <summary>Same command, arguments and environment (in any order).</summary>
    public bool Matches(McpEntry? other) =>
        other is not null
        && string.Equals(Command, other.Command, StringComparison.Ordinal)
        && Args.SequenceEqual(other.Args, StringComparer.Ordinal)
        && Env.Count == other.Env.Count
        && Env.All(e => string.Equals(other.EnvValue(e.Key), e.Value, StringComparison.Ordinal));
}
