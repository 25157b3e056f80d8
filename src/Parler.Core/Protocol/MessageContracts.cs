using System.Text.Json.Serialization;
using Parler.Core.Facts;

namespace Parler.Core.Protocol;

/// <summary>A message the author signed over Parler.Core.Facts.MessageSignature's canonical payload.</summary>
internal sealed record PostMessageRequest(
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("nonce")] string? Nonce,
    [property: JsonPropertyName("signature")] string? Signature,
    [property: JsonPropertyName("kind")] string? Kind = null);

internal sealed record PostMessageResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>Query of a cursor read: facts after <c>after</c> (default: the caller's durable cursor).</summary>
internal sealed record ReadEventsRequest(
    [property: JsonPropertyName("after")] long? After = null,
    [property: JsonPropertyName("wait")] int? Wait = null,
    [property: JsonPropertyName("limit")] int? Limit = null);

internal sealed record EventView(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("at")] long At,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("authority")] string Authority,
    [property: JsonPropertyName("data")] FactJson Data,
    [property: JsonPropertyName("prev")] string Prev,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("stream")] string Stream);

internal sealed record ReadEventsResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("events")] IReadOnlyList<EventView> Events,
    [property: JsonPropertyName("cursor")] long Cursor,
    [property: JsonPropertyName("head")] long Head,
    [property: JsonPropertyName("more")] bool More);

internal sealed record AckRequest(
    [property: JsonPropertyName("seq")] long? Seq);

internal sealed record CursorResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("cursor")] long Cursor);

internal sealed record StreamRequest(
    [property: JsonPropertyName("after")] long? After = null);
