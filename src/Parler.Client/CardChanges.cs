namespace Parler.Client;

/// <summary>What to change on your card; null (or an empty list) keeps the current value.</summary>
internal sealed record CardChanges(
    string? Role = null,
    string? Description = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Skills = null,
    string? Visibility = null);
