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
                    call.Room = await RoomAccess.ResolveAsync(services.Store, call.Caller, call.RouteValue("room"), cancellationToken);
                }

                if (RoomAccess.Check(action, call.Caller, call.Room) is { } denial)
                {
                    throw new HubException(denial.Error, $"Not allowed: {denial.Reason}. To unlock: {denial.Unlock}.");
                }
            }

            var (input, json) = action.Input is null
                ? (null, new JsonObject())
                : await ActionInput.ReadAsync(http, action, services.Options.MaxBodyBytes, cancellationToken);
            if (action.Raw is not null)
            {
                await action.Raw(call, input, cancellationToken);
            }
            else if (action.Write is not null)
            {
                if (action.Precheck is not null)
                {
                    await action.Precheck(call, input, cancellationToken);
                }

                var (status, body) = await WriteAsync(call, input, json, cancellationToken);
                await RespondAsync(http, status, Encoding.UTF8.GetBytes(body), cancellationToken);
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

    private async Task<(int Status, string Body)> WriteAsync(ActionCall call, object? input, JsonObject json, CancellationToken cancellationToken)
    {
        var key = call.Http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 255)
        {
            throw new HubException(ErrorCodes.ValidationFailed, "An Idempotency-Key is at most 255 characters; use a UUID.");
        }

        var principal = call.Caller?.AgentId;
        var useKey = key.Length > 0 && principal is not null;
        var requestHash = useKey ? RequestHash(call, json) : "";
        var (status, written, refusal) = await services.Store.WriteAsync<(int, string, HubException?)>(
            async (writer, ct) =>
            {
                if (useKey && await writer.FindIdempotencyAsync(principal!, key, ct) is { } earlier)
                {
                    if (earlier.RequestHash != requestHash)
                    {
                        throw new HubException(
                            ErrorCodes.IdempotencyConflict,
                            "This Idempotency-Key was already used for a different request. Use a fresh key for a new request.");
                    }

                    var replay = JsonNode.Parse(earlier.Response)!.AsObject();
                    replay["replayed"] = true;
                    return (StatusCodes.Status200OK, replay.ToJsonString(), null);
                }

                object? output;
                try
                {
                    output = await call.Action.Write!(call, input, writer, ct);
                }
                catch (HubException ex) when (ex.KeepsWrites)
                {
                    return (0, "", ex);
                }

                var result = JsonSerializer.SerializeToNode(output, call.Action.Output!)!.AsObject();
                result["replayed"] = false;
                var answer = result.ToJsonString();
                if (useKey)
                {
                    await writer.SaveIdempotencyAsync(new(principal!, key, requestHash, StatusCodes.Status201Created, answer), ct);
                }

                return (StatusCodes.Status201Created, answer, null);
            },
            cancellationToken);
        return refusal is null ? (status, written) : throw refusal;
    }

    private static string RequestHash(ActionCall call, JsonObject json)
    {
        var identity = $"{call.Action.Name}\n{call.Http.Request.Path}\n{CanonicalJson.SerializeToString(json)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    private static async Task RespondAsync(HttpContext http, int status, byte[] body, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(body, cancellationToken);
    }
}
