using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Parler.Contract.Facts;

/// <summary>A message was posted, signed by its author (or unsigned, which readers flag).</summary>
internal sealed record MessagePosted(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("signature"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Signature = null) : IFact<MessagePosted>
{
    public static string Type => FactTypes.MessagePosted;

    public static JsonTypeInfo<MessagePosted> Json => FactJsonContext.Default.MessagePosted;
}

/// <summary>An agent acked a room up to a seq (on the agent's own stream).</summary>
internal sealed record CursorAdvanced(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("seq")] long Seq) : IFact<CursorAdvanced>
{
    public static string Type => FactTypes.CursorAdvanced;

    public static JsonTypeInfo<CursorAdvanced> Json => FactJsonContext.Default.CursorAdvanced;
}
