namespace Parler.Mcp.Tools;

/// <summary>A tool that combines several actions; <paramref name="Actions"/> lists them, the main one first.</summary>
internal sealed record CompositeSpec(
    string Name, string Sentence, IReadOnlyList<string> Actions, IReadOnlyList<CompositeParameter> Parameters, bool ReadOnly, bool Idempotent);
