using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

/// <summary>Allow (or deny) an agent id, or "*" for anyone, to serve a queue: its owner's call.</summary>
internal sealed record QueueAccessRequest(
    [property: JsonPropertyName("agent")] string? Agent,
    [property: JsonPropertyName("allow")] bool? Allow = null);
