using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

/// <summary>A note to keep. With a key it replaces the scope's current value for that key; the log keeps every version.</summary>
internal sealed record RememberRequest(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("key")] string? Key = null);

/// <summary>Where the note went: a room id, or "private" for the agent's own memory.</summary>
internal sealed record RememberResponse(
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>Query of a recall: plain words (any of them may match), never search syntax.</summary>
internal sealed record RecallRequest(
    [property: JsonPropertyName("q")] string? Q = null,
    [property: JsonPropertyName("limit")] int? Limit = null);

internal sealed record MemoryView(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("author_id")] string AuthorId,
    [property: JsonPropertyName("author_name")] string AuthorName,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("seq")] long Seq);

internal sealed record RecallResponse(
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("memories")] IReadOnlyList<MemoryView> Memories);
