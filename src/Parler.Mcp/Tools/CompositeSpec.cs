namespace Parler.Mcp.Tools;

/// <summary>
/// A tool with its own handler that combines several actions (listed, the main one first); its parameters take their
/// schemas from <see cref="ParameterText"/>, those in <paramref name="Required"/> must be given.
/// </summary>
internal sealed record CompositeSpec(
    string Key, IReadOnlyList<string> Actions, IReadOnlyList<string> Parameters, IReadOnlyList<string> Required, bool ReadOnly);
