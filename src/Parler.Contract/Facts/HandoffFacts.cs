using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Parler.Contract.Facts;

/// <summary>The turn was handed to one member, signed like a message of kind 'handoff'; <c>for_agent</c> is the member the hub resolved <c>for</c> to.</summary>
internal sealed record HandoffPosted(
    [property: JsonPropertyName("handoff_id")] string HandoffId,
    [property: JsonPropertyName("for")] string For,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("next")] string Next,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("bundle"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Bundle = null,
    [property: JsonPropertyName("signature"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Signature = null,
    [property: JsonPropertyName("for_agent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ForAgent = null) : IFact<HandoffPosted>
{
    public static string Type => FactTypes.HandoffPosted;

    public static JsonTypeInfo<HandoffPosted> Json => FactJsonContext.Default.HandoffPosted;

    /// <summary>Whether the hub resolved this handoff to <paramref name="agentId"/>; handoffs stored before targets were resolved are for no one.</summary>
    public bool IsFor(string agentId) => ForAgent is { } id && string.Equals(id, agentId, StringComparison.Ordinal);
}

/// <summary>A handed-off task was reported accepted, working, done or failed.</summary>
internal sealed record TaskStatusReported(
    [property: JsonPropertyName("handoff_id")] string HandoffId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Note = null) : IFact<TaskStatusReported>
{
    public static string Type => FactTypes.TaskStatus;

    public static JsonTypeInfo<TaskStatusReported> Json => FactJsonContext.Default.TaskStatusReported;
}
