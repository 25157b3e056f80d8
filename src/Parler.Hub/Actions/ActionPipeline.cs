using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parler.Core.Json;
using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>Runs any registered action over HTTP: version, authentication, room access, input, idempotency, output.</summary>
internal sealed partial class ActionPipeline(HubServices services, IHostApplicationLifetime lifetime, ILogger<ActionPipeline> logger)
{
    public const string VersionHeader = "Parle-Version";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string CurrentVersion = "1";
    public static readonly IReadOnlyList<string> SupportedVersions = [CurrentVersion];

    public async Task HandleAsync(HttpContext http, ActionDefinition action)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stopping.Token;
        try
        {
            var requested = http.Request.Headers[VersionHeader].ToString();
            if (requested.Length > 0 && !SupportedVersions.Contains(requested))
            {
                throw new HubException(
                    ErrorCodes.UnsupportedVersion,
                    $"This hub speaks Parle-Version {string.Join(", ", SupportedVersions)}, not '{requested}'.")
                { SupportedVersions = SupportedVersions };
            }

            http.Response.Headers[VersionHeader] = CurrentVersion;
            var call = new ActionCall(http, services, action);
            if (action.Access != ActionAccess.Anyone)
            {
                call.Caller = await services.Authenticator.AuthenticateAsync(http, cancellationToken, action);
                services.Presence.Touch(call.Caller.AgentId);
                if (action.IsRoomRoute)
                {
                    call.Room = await RoomAccess.ResolveAsync(
                        services, call.Caller, call.RouteValue("room"), cached: action.Raw is null, cancellationToken);
                }

                if (RoomAccess.Check(action, call.Caller, call.Room) is { } denial)
                {
                    throw new HubException(denial.Error, $"Not allowed: {denial.Reason}. To unlock: {denial.Unlock}.");
                }
            }

            var input = action.Input is null ? null : await ActionInput.ReadAsync(call, services.Options.MaxBodyBytes, cancellationToken);
            if (action.Raw is not null)
            {
                await action.Raw(call, input, cancellationToken);
            }
            else if (action.Write is not null)
            {
                var (status, body) = await PrecheckAsync(call, input, cancellationToken) is { } refused
                    ? await KeyedAnswerAsync(call, input, cancellationToken) ?? throw refused
                    : await WriteAsync(call, input, cancellationToken);
                await RespondAsync(http, status, body, cancellationToken);
            }
            else
            {
                var output = await action.Read!(call, input, cancellationToken);
                await RespondAsync(http, action.SuccessStatus, JsonSerializer.SerializeToUtf8Bytes(output, action.Output!), cancellationToken);
            }
        }
        catch (HubException ex)
        {
            await Problems.WriteAsync(http, ex.Error, ex.Message, ex.SupportedVersions, ex.RetryAfter);
        }
        catch (BadHttpRequestException ex)
        {
            var refusal = HttpRefusals.FromKestrel(ex);
            await Problems.WriteAsync(http, refusal.Error, refusal.Message);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            var wait = Storage.StoreFailure.RetryAfter(ErrorCodes.Unavailable);
            await Problems.WriteAsync(
                http,
                ErrorCodes.Unavailable,
                $"The hub is shutting down. Retry in {(int)wait.TotalSeconds} seconds (writes: with the same Idempotency-Key, so nothing lands twice).",
                retryAfter: wait);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is no one to answer.
        }
        catch (Exception ex) when (Storage.StoreFailure.Classify(ex) is { } failure)
        {
            // The record itself failed (a full disk, an unreachable database): a registered, retryable error, logged
            // once per change of state by the store's health rather than once per request.
            services.Store.Health.Failed(failure.Error, failure.Reason);
            var problem = Storage.StoreFailure.ToHubException(failure.Error, failure.Reason);
            await Problems.WriteAsync(http, problem.Error, problem.Message, retryAfter: problem.RetryAfter);
        }
        catch (Exception ex)
        {
            Log.ActionFailed(logger, action.Name, ex);
            await Problems.WriteAsync(http, ErrorCodes.Internal, "The hub failed on this request. Retry; if it persists, report it with the time.");
        }
    }

    /// <summary>The checks before the writer; a refusal is answered only after the request's Idempotency-Key (<see cref="KeyedAnswerAsync"/>).</summary>
    private static async Task<HubException?> PrecheckAsync(ActionCall call, object? input, CancellationToken cancellationToken)
    {
        try
        {
            if (call.Action.Precheck is not null)
            {
                await call.Action.Precheck(call, input, cancellationToken);
            }

            return null;
        }
        catch (HubException ex)
        {
            return ex;
        }
    }

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

        var earlier = await services.Store.WriteAsync((writer, ct) => writer.FindIdempotencyAsync(principal, key, ct), cancellationToken);
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

    private static async Task RespondAsync(HttpContext http, int status, byte[] body, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(body, cancellationToken);
    }
}
