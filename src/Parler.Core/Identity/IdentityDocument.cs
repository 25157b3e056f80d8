using System.Text.Json.Serialization;

namespace Parler.Core.Identity;

/// <summary>The on-disk shape of identity.json. Nullable so a damaged file is reported, not half-loaded.</summary>
internal sealed record IdentityDocument(
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("seed")] string? Seed);
