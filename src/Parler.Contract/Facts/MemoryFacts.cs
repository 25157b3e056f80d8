using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Parler.Contract.Facts;

/// <summary>A note was remembered in a room's stream (shared) or an agent's own (private), optionally under a key.</summary>
internal sealed record MemoryRemembered(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("key")] string? Key = null) : IFact<MemoryRemembered>
{
    public static string Type => FactTypes.MemoryRemembered;

    public static JsonTypeInfo<MemoryRemembered> Json => FactJsonContext.Default.MemoryRemembered;
}
