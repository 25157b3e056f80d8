using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Actions.Catalog;

namespace Parler.Hub.Live;

/// <summary>
/// The push stream: server-sent events from a cursor. Each wake-up re-reads from the last sent seq, so the stream
/// needs no per-connection buffer and a reconnect with Last-Event-ID resumes exactly.
/// </summary>
internal static class EventStream
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private const int Page = 200;

    public static async Task RunAsync(ActionCall call, StreamRequest input, CancellationToken cancellationToken)
    {
        var room = call.RequireRoom();
        var caller = call.RequireCaller();
        var services = call.Services;
        var after = input.After ?? (long.TryParse(call.Http.Request.Headers["Last-Event-ID"], out var resumed) ? resumed : (long?)null)
            ?? await services.Store.GetCursorAsync(caller.AgentId, room.Id, cancellationToken);
        MessageActions.CheckCursor(after, room.Head);

        var response = call.Http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken);
        using var online = services.Presence.Hold(caller.AgentId);
        while (!cancellationToken.IsCancellationRequested)
        {
            var signal = services.Signals.NextAsync(room.Id);
            var facts = await services.Store.ReadStreamAsync(room.Id, after, Page, cancellationToken);
            if (facts.Count > 0)
            {
                if (!await StillAllowedAsync(call, cancellationToken))
                {
                    return;
                }

                var text = new StringBuilder();
                foreach (var fact in facts)
                {
                    text.Append("id: ").Append(fact.Seq).Append("\nevent: fact\ndata: ")
                        .Append(JsonSerializer.Serialize(fact.ToView(), ProtocolJsonContext.Default.EventView)).Append("\n\n");
                    after = fact.Seq;
                }

                await response.WriteAsync(text.ToString(), cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                continue;
            }

            try
            {
                await signal.WaitAsync(KeepAlive, services.Time, cancellationToken);
            }
            catch (TimeoutException)
            {
                await response.WriteAsync(": ping\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                if (!await StillAllowedAsync(call, cancellationToken))
                {
                    return;
                }
            }
        }
    }

    /// <summary>A stream outlives its first check: stop once the token is revoked or expired, or the caller has left.</summary>
    private static async Task<bool> StillAllowedAsync(ActionCall call, CancellationToken cancellationToken)
    {
        try
        {
            await call.RecheckAccessAsync(cancellationToken);
            return true;
        }
        catch (Errors.HubException)
        {
            return false;
        }
    }
}
