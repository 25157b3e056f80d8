using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Parler.Core.Json;
using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>The write path: the single writer, the request's Idempotency-Key, and the answer kept for its replays.</summary>
internal sealed partial class ActionPipeline
{
    /// <summary>
    /// For a request refused before the writer: a key already used for a different request answers idempotency_conflict
    /// first, and one used for this very request replays its answer, as when every check ran inside the writer; null when
    /// the request has no key or its key is unused (the refusal stands). Looked up only on this refused path.
    /// </summary>
    private async Task<(int Status, byte[] Body)?> KeyedAnswerAsync(ActionCall call, object? input, CancellationToken cancellationToken)
    {
        var key = call.Http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length is 0 or > 255 || call.Caller?.AgentId is not { } principal)
        {
            return null;
        }

        // A plain read, not the writer's: this path only answers from what is committed, and never holds a batch up.
        var keyed = new IdempotentKey(principal, key, call.Action.Contract.SecretAnswer);
        var earlier = await keyed.FindAsync((p, k) => services.Store.FindIdempotencyAsync(p, k, cancellationToken));
        if (earlier is null)
        {
            return null;
        }

        return earlier.RequestHash == RequestHash(call, input) || earlier.RequestHash == LegacyRequestHash(call)
            ? (StatusCodes.Status200OK, keyed.Replay(earlier))
            : throw KeyConflict();
    }

    private static HubException KeyConflict() =>
        new(ErrorCodes.IdempotencyConflict, "This Idempotency-Key was already used for a different request. Use a fresh key for a new request.");

    /// <summary>
    /// Runs a write in the single writer with its idempotency record. The answer is serialized once: the same bytes go to
    /// the caller and, as text, into the record; a replay answers the recorded text with <c>replayed</c> turned true (<see cref="IdempotentKey"/>).
    /// </summary>
    private async Task<(int Status, byte[] Body)> WriteAsync(ActionCall call, object? input, CancellationToken cancellationToken)
    {
        var key = call.Http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 255)
        {
            throw new HubException(ErrorCodes.ValidationFailed, "An Idempotency-Key is at most 255 characters; use a UUID.");
        }

        var keyed = key.Length > 0 && call.Caller?.AgentId is { } principal ? new IdempotentKey(principal, key, call.Action.Contract.SecretAnswer) : null;
        var requestHash = keyed is null ? "" : RequestHash(call, input);
        if (keyed is not null)
        {
            (call.Hints ??= new Storage.WriteHints()).Idempotency = (keyed.Principal, keyed.Stored);
        }

        var (status, written, refusal) = await services.Store.WriteAsync<(int, byte[], HubException?)>(
            async (writer, ct) =>
            {
                if (keyed is not null && await keyed.FindAsync((p, k) => writer.FindIdempotencyAsync(p, k, ct)) is { } earlier)
                {
                    if (earlier.RequestHash != requestHash && earlier.RequestHash != LegacyRequestHash(call))
                    {
                        throw KeyConflict();
                    }

                    return (StatusCodes.Status200OK, keyed.Replay(earlier), null);
                }

                object? output;
                try
                {
                    output = await call.Action.Write!(call, input, writer, ct);
                }
                catch (HubException ex) when (ex.KeepsWrites)
                {
                    return (0, [], ex);
                }

                var answer = Answer(JsonSerializer.SerializeToUtf8Bytes(output, call.Action.Output!));
                if (keyed is not null)
                {
                    await writer.SaveIdempotencyAsync(new(keyed.Principal, keyed.Stored, requestHash, StatusCodes.Status201Created, keyed.Keep(answer)), ct);
                }

                return (StatusCodes.Status201Created, answer, null);
            },
            call.Hints,
            cancellationToken);
        return refusal is null ? (status, written) : throw refusal;
    }

    private static ReadOnlySpan<byte> FirstTime => ",\"replayed\":false}"u8;

    /// <summary>An output object with <c>"replayed":false</c> as its last member (as the record has always kept it).</summary>
    private static byte[] Answer(byte[] output)
    {
        if (output.Length < 2 || output[0] != (byte)'{' || output[^1] != (byte)'}')
        {
            throw new InvalidOperationException("An action's output must be a JSON object.");
        }

        var tail = output.Length == 2 ? FirstTime[1..] : FirstTime;
        var answer = new byte[output.Length - 1 + tail.Length];
        output.AsSpan(0, output.Length - 1).CopyTo(answer);
        tail.CopyTo(answer.AsSpan(output.Length - 1));
        return answer;
    }

    /// <summary>What makes two requests under one Idempotency-Key the same: the action, the path and the typed input.</summary>
    private static string RequestHash(ActionCall call, object? input)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{call.Action.Name}\n{call.Http.Request.Path}\n"));
        hash.AppendData(call.Action.Input is null ? "{}"u8 : JsonSerializer.SerializeToUtf8Bytes(input, call.Action.Input));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The request hash as hubs before 52a002a kept it (the canonical form of the body as sent), so a retry across an
    /// upgrade still replays a record written before it. Computed only when the current hash does not match.
    /// </summary>
    private static string LegacyRequestHash(ActionCall call)
    {
        var body = call.Body.IsEmpty ? new JsonObject() : JsonNode.Parse(call.Body.Span);
        var identity = $"{call.Action.Name}\n{call.Http.Request.Path}\n{CanonicalJson.SerializeToString(body)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }
}
