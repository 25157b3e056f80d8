using System.Text.Json.Serialization.Metadata;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions;

/// <summary>
/// One action of the hub: its contract (declared in Parler.Contract, shared with the clients) and its handler. The typed
/// factories take the same input and output contracts the declaration names and refuse any other, so a handler can
/// never answer with a shape the OpenAPI document does not describe.
/// </summary>
internal sealed record ActionDefinition(ActionContract Contract)
{
    public string Name => Contract.Name;

    public string Method => Contract.Method;

    public string Route => Contract.Route;

    public ActionAccess Access => Contract.Access;

    public string Summary => Contract.Summary;

    public string Description => Contract.Description;

    /// <summary>Changes the record (declared in the contract).</summary>
    public bool Writes => Contract.Writes;

    /// <summary>Takes an Idempotency-Key: runs in one store transaction with its idempotency record, answers 201 when first done.</summary>
    public bool IdempotencyKey => Contract.IdempotencyKey;

    public bool RoomTokenAllowed => Contract.RoomTokenAllowed;

    public JsonTypeInfo? Input => Contract.Input;

    public JsonTypeInfo? Output => Contract.Output;

    public string ResponseContentType => Contract.ResponseContentType;

    /// <summary>Set for a raw byte-stream body: the pipeline leaves the body to the <see cref="Raw"/> handler, unread and unbuffered.</summary>
    public string? RequestContentType => Contract.RequestContentType;

    public bool IsRoomRoute => Contract.IsRoomRoute;

    /// <summary>A handler that runs outside the single writer; one that writes (a lease) opens its own short write.</summary>
    public Func<ActionCall, object?, CancellationToken, Task<object?>>? Read { get; private init; }

    public Func<ActionCall, object?, IStoreWriter, CancellationToken, Task<object?>>? Write { get; private init; }

    /// <summary>
    /// Checks that need no store state (signatures, field shapes), run before the write on the request's own
    /// thread so the single writer spends its time only on what must be serial.
    /// </summary>
    public Func<ActionCall, object?, CancellationToken, Task>? Precheck { get; private init; }

    /// <summary>For actions whose response is not one JSON document (a stream, a text document).</summary>
    public Func<ActionCall, object?, CancellationToken, Task>? Raw { get; private init; }

    /// <summary>A read: the contract must declare that it writes nothing.</summary>
    public static ActionDefinition Reading<TIn, TOut>(
        ActionContract contract, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output,
        Func<ActionCall, TIn, CancellationToken, Task<TOut>> handler) =>
        contract.Writes
            ? throw new InvalidOperationException($"Action '{contract.Name}' is declared a write; handle it with Writing, WritingOwnWrites or Creating.")
            : Outside(contract, input, output, handler);

    /// <summary>
    /// A write that takes no Idempotency-Key and opens its own short writes between waits (a lease: each try decides inside
    /// the writer, the waits run outside it); the contract must declare that it writes.
    /// </summary>
    public static ActionDefinition WritingOwnWrites<TIn, TOut>(
        ActionContract contract, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output,
        Func<ActionCall, TIn, CancellationToken, Task<TOut>> handler) =>
        contract.Writes
            ? Outside(contract, input, output, handler)
            : throw new InvalidOperationException($"Action '{contract.Name}' is declared a read; handle it with Reading.");

    private static ActionDefinition Outside<TIn, TOut>(
        ActionContract contract, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output,
        Func<ActionCall, TIn, CancellationToken, Task<TOut>> handler) => new(Checked(contract, input, output, keyed: false))
        {
            Read = async (call, body, ct) => await handler(call, (TIn)body!, ct),
        };

    /// <summary>What a handler outside the writer answers on success: 200, or 201 for one that creates (a token).</summary>
    public int SuccessStatus { get; private init; } = 200;

    /// <summary>
    /// A write that takes no Idempotency-Key and opens its own short write after checks of its own (a sign-in: its
    /// signature is checked first, and a token is never kept for a replay); answers 201.
    /// </summary>
    public static ActionDefinition Creating<TIn, TOut>(
        ActionContract contract, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output,
        Func<ActionCall, TIn, CancellationToken, Task<TOut>> handler) =>
        contract.Writes
            ? Outside(contract, input, output, handler) with { SuccessStatus = 201 }
            : throw new InvalidOperationException($"Action '{contract.Name}' creates nothing; declare it with Reading.");

    public static ActionDefinition Writing<TIn, TOut>(
        ActionContract contract, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output,
        Func<ActionCall, TIn, IStoreWriter, CancellationToken, Task<TOut>> handler, Action<ActionCall, TIn>? precheck = null) =>
        new(Checked(contract, input, output, keyed: true))
        {
            Precheck = precheck is null ? null : (call, body, _) =>
            {
                precheck(call, (TIn)body!);
                return Task.CompletedTask;
            },
            Write = async (call, body, writer, ct) => await handler(call, (TIn)body!, writer, ct),
        };

    /// <summary>A write whose checks before the writer read the store (a blob's size, who may share it).</summary>
    public static ActionDefinition Writing<TIn, TOut>(
        ActionContract contract, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output,
        Func<ActionCall, TIn, IStoreWriter, CancellationToken, Task<TOut>> handler, Func<ActionCall, TIn, CancellationToken, Task> precheck) =>
        new(Checked(contract, input, output, keyed: true))
        {
            Precheck = (call, body, ct) => precheck(call, (TIn)body!, ct),
            Write = async (call, body, writer, ct) => await handler(call, (TIn)body!, writer, ct),
        };

    public static ActionDefinition Streaming(ActionContract contract, Func<ActionCall, object?, CancellationToken, Task> raw) =>
        contract.IdempotencyKey
            ? throw new InvalidOperationException($"Action '{contract.Name}' streams its answer, so it cannot keep one for an Idempotency-Key.")
            : new(contract) { Raw = raw };

    private static ActionContract Checked(ActionContract contract, JsonTypeInfo input, JsonTypeInfo output, bool keyed)
    {
        if (!ReferenceEquals(contract.Input, input) || !ReferenceEquals(contract.Output, output))
        {
            throw new InvalidOperationException($"Action '{contract.Name}' is handled with other input or output contracts than it declares.");
        }

        if (contract.IdempotencyKey != keyed)
        {
            throw new InvalidOperationException(
                $"Action '{contract.Name}' {(contract.IdempotencyKey ? "takes" : "takes no")} Idempotency-Key; its handler must {(keyed ? "not " : "")}run inside the writer.");
        }

        return contract;
    }
}
