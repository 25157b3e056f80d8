using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Parler.Contract.Facts;

/// <summary>
/// The queue's owner allowed <paramref name="Agent"/> (an agent id, or "*" for anyone) to serve the queue, or denied it
/// (then an agent that served stops being a worker). On the queue's stream, q_name.
/// </summary>
internal sealed record QueueAccessChanged(
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("agent")] string Agent,
    [property: JsonPropertyName("allowed")] bool Allowed) : IFact<QueueAccessChanged>
{
    public static string Type => FactTypes.QueueAccessChanged;

    public static JsonTypeInfo<QueueAccessChanged> Json => FactJsonContext.Default.QueueAccessChanged;
}
