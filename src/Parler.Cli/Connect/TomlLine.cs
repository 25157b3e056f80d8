namespace Parler.Cli.Connect;

/// <summary>One physical line of a TOML file: where it starts, and the table header it opens, if any.</summary>
internal sealed record TomlLine(int Start, int End, string? Header, bool Blank);
