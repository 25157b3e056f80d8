using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

internal sealed record AffordanceView(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("href")] string Href,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("idempotent")] bool Idempotent,
    [property: JsonPropertyName("allowed")] bool Allowed,
    [property: JsonPropertyName("reason")] string? Reason = null,
    [property: JsonPropertyName("unlock")] string? Unlock = null);

internal sealed record AffordancesResponse(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("actions")] IReadOnlyList<AffordanceView> Actions);

/// <summary>The body of every error: RFC 9457 problem details plus what an agent should do next.</summary>
internal sealed record ProblemResponse(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("retryable")] bool Retryable,
    [property: JsonPropertyName("supported_versions")] IReadOnlyList<string>? SupportedVersions = null);
