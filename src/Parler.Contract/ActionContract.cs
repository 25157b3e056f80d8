using System.Text.Json.Serialization.Metadata;

namespace Parler.Contract;

/// <summary>
/// One action of the hub as its callers see it, declared once: name, route, who may call it, its input and output
/// contracts, and what it does to the record. The hub's endpoints, OpenAPI, llms.txt and affordances, the MCP tools
/// and the CLI's help all read this record; the hub adds only the handler.
/// </summary>
internal sealed record ActionContract
{
    public required string Name { get; init; }

    public required string Method { get; init; }

    public required string Route { get; init; }

    public required ActionAccess Access { get; init; }

    public required string Summary { get; init; }

    public required string Description { get; init; }

    /// <summary>Whether the action changes the record (appends facts or stores bytes). Declared, never read off the HTTP method.</summary>
    public required bool Writes { get; init; }

    /// <summary>
    /// Whether the action takes an Idempotency-Key: it runs in one store transaction with its idempotency record, answers
    /// 201 when first done, and a retry with the same key returns the first result.
    /// </summary>
    public required bool IdempotencyKey { get; init; }

    /// <summary>
    /// Whether the answer carries a secret shown once (an invite code, a sign-in link). The hub then keeps the answer for
    /// Idempotency-Key replays sealed under the key, and only a hash of the key, so the store holds no such secret.
    /// </summary>
    public bool SecretAnswer { get; init; }

    /// <summary>Whether a token scoped to one room may call it (room actions check the room matches).</summary>
    public bool RoomTokenAllowed { get; init; } = true;

    public JsonTypeInfo? Input { get; init; }

    public JsonTypeInfo? Output { get; init; }

    public string ResponseContentType { get; init; } = "application/json";

    /// <summary>Set for an action whose request body is a raw byte stream of this media type (a blob upload); any input comes from the query.</summary>
    public string? RequestContentType { get; init; }

    public bool ReadOnly => !Writes;

    public bool IsRoomRoute => Route.Contains("{room}", StringComparison.Ordinal);
}
