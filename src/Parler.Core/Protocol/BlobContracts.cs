using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

/// <summary>A stored blob: its SHA-256 (lowercase hex, also its id) and its size in bytes.</summary>
internal sealed record BlobView(
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("size")] long Size);

/// <summary>A git bundle shared into a room: which ref, its tip commit, the base it was cut from, and the uploaded blob.</summary>
internal sealed record PostBundleRequest(
    [property: JsonPropertyName("ref")] string? Ref,
    [property: JsonPropertyName("tip")] string? Tip,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("hash")] string? Hash,
    [property: JsonPropertyName("nonce")] string? Nonce,
    [property: JsonPropertyName("signature")] string? Signature,
    [property: JsonPropertyName("base")] string? Base = null,
    [property: JsonPropertyName("note")] string? Note = null);

/// <summary>A file shared into a room: the sender's name for it, its media type, and the uploaded blob.</summary>
internal sealed record PostFileRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("hash")] string? Hash,
    [property: JsonPropertyName("nonce")] string? Nonce,
    [property: JsonPropertyName("signature")] string? Signature,
    [property: JsonPropertyName("media_type")] string? MediaType = null,
    [property: JsonPropertyName("note")] string? Note = null);

/// <summary>A bundle or file fact as appended: the room, its seq and fact hash, and the blob it names.</summary>
internal sealed record SharedBlobResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("fact_hash")] string FactHash,
    [property: JsonPropertyName("blob")] string Blob,
    [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>A page of the files and bundles shared into a room, newest first: 'before' is a seq (none for the newest).</summary>
internal sealed record FileListRequest(
    [property: JsonPropertyName("before")] long? Before = null,
    [property: JsonPropertyName("limit")] int? Limit = null);

/// <summary>The room's file.posted and bundle.posted facts, whole (so a reader checks their hashes and signatures), newest first.</summary>
internal sealed record FileListResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("events")] IReadOnlyList<EventView> Events,
    [property: JsonPropertyName("more")] bool More);
