using System.Text.Json.Serialization.Metadata;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions;

/// <summary>
/// One action of the hub, declared once. The HTTP endpoint, the OpenAPI operation, the llms.txt entry, the
/// room affordance, the MCP tool and the CLI's help all read this record. The typed factories start from a
/// shape with the declared fields and add input, output and handler, so no field is copied by hand.
/// </summary>
internal sealed record ActionDefinition
{
    public required string Name { get; init; }

    public required string Method { get; init; }

    public required string Route { get; init; }

    public required ActionAccess Access { get; init; }

    public required string Summary { get; init; }

    public required string Description { get; init; }

    /// <summary>A consequential write: runs in one store transaction, takes an Idempotency-Key, answers 201 when first done.</summary>
    public bool Writes { get; init; }

    /// <summary>Whether a token scoped to one room may call it (room actions check the room matches).</summary>
    public bool RoomTokenAllowed { get; init; } = true;

    public JsonTypeInfo? Input { get; init; }

    public JsonTypeInfo? Output { get; init; }

    public string ResponseContentType { get; init; } = "application/json";

    /// <summary>
    /// Set for an action whose request body is a raw byte stream of this media type (a blob upload): the pipeline
    /// leaves the body to the <see cref="Raw"/> handler, unread and unbuffered, and takes any input from the query.
    /// </summary>
    public string? RequestContentType { get; init; }

    public Func<ActionCall, object?, CancellationToken, Task<object?>>? Read { get; init; }

    public Func<ActionCall, object?, IStoreWriter, CancellationToken, Task<object?>>? Write { get; init; }

    /// <summary>
    /// Checks that need no store state (signatures, field shapes), run before the write on the request's own
    /// thread so the single writer spends its time only on what must be serial.
    /// </summary>
    public Func<ActionCall, object?, Task>? Precheck { get; init; }

    /// <summary>For actions whose response is not one JSON document (a stream, a text document).</summary>
    public Func<ActionCall, object?, CancellationToken, Task>? Raw { get; init; }

    public bool IsRoomRoute => Route.Contains("{room}", StringComparison.Ordinal);

    public static ActionDefinition Reading<TIn, TOut>(
        ActionDefinition shape, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output,
        Func<ActionCall, TIn, CancellationToken, Task<TOut>> handler) => shape with
        {
            Input = input,
            Output = output,
            Read = async (call, body, ct) => await handler(call, (TIn)body!, ct),
        };

    public static ActionDefinition Writing<TIn, TOut>(
        ActionDefinition shape, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output,
        Func<ActionCall, TIn, IStoreWriter, CancellationToken, Task<TOut>> handler, Action<ActionCall, TIn>? precheck = null) => shape with
        {
            Precheck = precheck is null ? null : (call, body) =>
            {
                precheck(call, (TIn)body!);
                return Task.CompletedTask;
            },
            Input = input,
            Output = output,
            Writes = true,
            Write = async (call, body, writer, ct) => await handler(call, (TIn)body!, writer, ct),
        };
}
