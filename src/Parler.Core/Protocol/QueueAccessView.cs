using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

/// <summary>Who may serve a queue: its owner (the agent that served it first) and the agents it allowed ("*": anyone).</summary>
internal sealed record QueueAccessView(
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("allowed")] IReadOnlyList<string> Allowed);
