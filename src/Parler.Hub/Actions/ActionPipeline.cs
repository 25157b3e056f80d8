using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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

    private static async Task RespondAsync(HttpContext http, int status, byte[] body, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(body, cancellationToken);
    }
}
