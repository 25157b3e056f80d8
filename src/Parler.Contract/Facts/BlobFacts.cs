using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Parler.Contract.Facts;

/// <summary>A git bundle was shared into a room, signed like a message of kind 'bundle'; its members may then read the blob.</summary>
internal sealed record BundlePosted(
    [property: JsonPropertyName("ref")] string Ref,
    [property: JsonPropertyName("tip")] string Tip,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("base"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Base = null,
    [property: JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Note = null,
    [property: JsonPropertyName("signature"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Signature = null) : IFact<BundlePosted>
{
    public static string Type => FactTypes.BundlePosted;

    public static JsonTypeInfo<BundlePosted> Json => FactJsonContext.Default.BundlePosted;
}

/// <summary>A file was shared into a room, signed like a message of kind 'file'; its members may then read the blob.</summary>
internal sealed record FilePosted(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("media_type")] string MediaType,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Note = null,
    [property: JsonPropertyName("signature"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Signature = null) : IFact<FilePosted>
{
    public static string Type => FactTypes.FilePosted;

    public static JsonTypeInfo<FilePosted> Json => FactJsonContext.Default.FilePosted;
}

/// <summary>An agent uploaded a blob into a room's upload route; kept on the agent's own stream, it lets that agent share it.</summary>
internal sealed record BlobUploaded(
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("room")] string Room) : IFact<BlobUploaded>
{
    public static string Type => FactTypes.BlobUploaded;

    public static JsonTypeInfo<BlobUploaded> Json => FactJsonContext.Default.BlobUploaded;
}
