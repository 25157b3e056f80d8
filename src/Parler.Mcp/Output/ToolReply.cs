using System.Text.Json.Nodes;

namespace Parler.Mcp.Output;

/// <summary>
/// A tool's answer: the text a model reads, and for a tool that declares an output schema the structured result a
/// program reads (ids, seqs, keys, lists). Peer text is never in <see cref="Data"/> unframed: it holds the hub's
/// answer with hidden characters made visible, as the text does.
/// </summary>
internal sealed record ToolReply(string Text, JsonObject? Data = null)
{
    public static implicit operator ToolReply(string text) => new(text);

    /// <summary>A hub answer as both: compact JSON text (after <paramref name="lead"/>, before <paramref name="tail"/>) and the same object as data.</summary>
    public static ToolReply Json(JsonObject answer, string lead = "", string tail = "")
    {
        var data = ResultJson.Clean(answer);
        return new ToolReply(lead + ResultJson.Of(data) + tail, data);
    }

    /// <summary>Text for the model, with the contract record <paramref name="record"/> as data.</summary>
    public static ToolReply With<T>(string text, T record, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        new(text, ResultJson.Clean(System.Text.Json.JsonSerializer.SerializeToNode(record, type)!.AsObject()));
}
