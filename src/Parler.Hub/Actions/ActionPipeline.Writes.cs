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
        var earlier = await services.Store.FindIdempotencyAsync(principal, key, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return earlier.RequestHash == RequestHash(call, input) || earlier.RequestHash == LegacyRequestHash(call)
            ? (StatusCodes.Status200OK, Replayed(earlier.Response))
            : throw KeyConflict();
    }

    private static HubException KeyConflict() =>
        new(ErrorCodes.IdempotencyConflict, "This Idempotency-Key was already used for a different request. Use a fresh key for a new request.");

    /// <summary>
    /// Runs a write in the single writer with its idempotency record. The answer is serialized once: the same bytes go to
    /// the caller and, as text, into the record; a replay answers the recorded text with <c>replayed</c> turned true.
    /// </summary>
    private async Task<(int Status, byte[] Body)> WriteAsync(ActionCall call, object? input, CancellationToken cancellationToken)
    {
        var key = call.Http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 255)
        {
            throw new HubException(ErrorCodes.ValidationFailed, "An Idempotency-Key is at most 255 characters; use a UUID.");
        }

        var principal = call.Caller?.AgentId;
        var useKey = key.Length > 0 && principal is not null;
        var requestHash = useKey ? RequestHash(call, input) : "";
        if (useKey)
        {
            (call.Hints ??= new Storage.WriteHints()).Idempotency = (principal!, key);
        }

        var (status, written, refusal) = await services.Store.WriteAsync<(int, byte[], HubException?)>(
            async (writer, ct) =>
            {
                if (useKey && await writer.FindIdempotencyAsync(principal!, key, ct) is { } earlier)
                {
                    if (earlier.RequestHash != requestHash && earlier.RequestHash != LegacyRequestHash(call))
                    {
                        throw KeyConflict();
                    }

                    return (StatusCodes.Status200OK, Replayed(earlier.Response), null);
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
                if (useKey)
                {
                    await writer.SaveIdempotencyAsync(new(principal!, key, requestHash, StatusCodes.Status201Created, Encoding.UTF8.GetString(answer)), ct);
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

    private static byte[] Replayed(string recorded)
    {
        const string First = "\"replayed\":false}";
        if (recorded.EndsWith(First, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(string.Concat(recorded.AsSpan(0, recorded.Length - First.Length), "\"replayed\":true}"));
        }

        var replay = JsonNode.Parse(recorded)!.AsObject();
        replay["replayed"] = true;
        return Encoding.UTF8.GetBytes(replay.ToJsonString());
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
