using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Parler.Core.Protocol;
using Parler.Hub.Actions;

namespace Parler.Hub.Live;

/// <summary>
/// The push stream: server-sent events from a cursor. Each wake-up takes what was committed after the last sent seq:
/// recent facts from the room's feed (read from the store and rendered once for all its streams, <see cref="RoomFeed"/>),
/// older ones from the store, so the stream needs no buffer of its own and a reconnect with Last-Event-ID resumes exactly.
/// Access is checked again (token and membership, from the record) whenever it may have ended: when a fact lands in the
/// caller's own stream (a token revoked), when the facts to send hold anything but posts (a leave, a removal), and at
/// every keep-alive (<see cref="HubOptions.StreamKeepAlive"/>, busy or idle); the token's expiry is checked before every write. So a stream sends nothing committed after the
/// fact that ended its access, without a read of the record per batch.
/// </summary>
internal static class EventStream
{
    /// <summary>Bytes written between flushes, at most (plus one event).</summary>
    public const int FlushEvery = 16 * 1024;

    public static async Task RunAsync(ActionCall call, StreamRequest input, CancellationToken cancellationToken)
    {
        var room = call.RequireRoom();
        var caller = call.RequireCaller();
        var services = call.Services;
        var after = input.After ?? (long.TryParse(call.Http.Request.Headers["Last-Event-ID"], out var resumed) ? resumed : (long?)null)
            ?? await services.Store.GetCursorAsync(caller.AgentId, room.Id, cancellationToken);
        Cursors.Check(after, room.Head);

        // Taken before the first check: a revocation after it completes this signal, one before it fails the check (and
        // the stream is refused with the reason, before it starts).
        var access = services.Signals.NextAsync(caller.AgentId);
        services.Signals.Feed.Counters.AccessChecked();
        await call.RecheckAccessAsync(cancellationToken);

        var response = call.Http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken);
        using var online = services.Presence.Hold(caller.AgentId);
        using var feed = services.Signals.Feed.Follow(room.Id, room.Head);
        // One keep-alive timer per stream, renewed when it fires: a timeout on every wait would make and drop a timer
        // per stream per commit (100,000 a second for 100 streams at 1,000 posts a second).
        var keepAlive = Task.Delay(services.Options.StreamKeepAlive, services.Time, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            var signal = services.Signals.NextAsync(room.Id);
            var events = await services.Signals.Feed.ReadAsync(feed, after, cancellationToken) ?? await ReadStoreAsync(call, after, cancellationToken);
            if (events.Count > 0)
            {
                if (access.IsCompleted || events.Any(e => MayEndAccess(e.Type)) || Expired(call))
                {
                    access = services.Signals.NextAsync(caller.AgentId);
                    if (!await StillAllowedAsync(call, cancellationToken))
                    {
                        return;
                    }
                }

                after = await WriteAsync(response.BodyWriter, events, after, cancellationToken);
                continue;
            }

            await Task.WhenAny(signal, access, keepAlive);
            if (keepAlive.IsCompletedSuccessfully)
            {
                await response.WriteAsync(": ping\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                keepAlive = Task.Delay(services.Options.StreamKeepAlive, services.Time, cancellationToken);
                access = services.Signals.NextAsync(caller.AgentId);
                if (!await StillAllowedAsync(call, cancellationToken))
                {
                    return;
                }
            }
            else if (access.IsCompleted && !signal.IsCompleted)
            {
                // A fact in the caller's stream and nothing to send: check now, so an idle stream ends at once too.
                access = services.Signals.NextAsync(caller.AgentId);
                if (!await StillAllowedAsync(call, cancellationToken))
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Writes the events and answers the seq of the last one written (<paramref name="after"/> when none was), flushing whenever <see cref="FlushEvery"/> bytes are waiting: a
    /// flush waits while the reader is behind by more than the server's output buffer, so a stream that reads slowly (or
    /// not at all) holds back its own writes instead of making the hub buffer a whole batch of facts for it (200 facts of
    /// up to 64 KiB each). Once the reader is gone it stops.
    /// </summary>
    public static async ValueTask<long> WriteAsync(PipeWriter writer, IReadOnlyList<FeedEntry> events, long after, CancellationToken cancellationToken)
    {
        var (last, waiting) = (after, 0);
        foreach (var entry in events)
        {
            writer.Write(entry.Event);
            (last, waiting) = (entry.Seq, waiting + entry.Event.Length);
            if (waiting >= FlushEvery)
            {
                if ((await writer.FlushAsync(cancellationToken)).IsCompleted)
                {
                    // The reader is gone: nothing more goes out.
                    return last;
                }

                waiting = 0;
            }
        }

        if (waiting > 0)
        {
            await writer.FlushAsync(cancellationToken);
        }

        return last;
    }

    /// <summary>Posts never change who may read a room; any other fact of the room might (a leave, a removal, a decision).</summary>
    private static bool MayEndAccess(string type) =>
        type is not (FactTypes.MessagePosted or FactTypes.HandoffPosted or FactTypes.BundlePosted or FactTypes.FilePosted);

    private static bool Expired(ActionCall call) => call.Services.NowMs >= call.RequireCaller().Token.ExpiresAt;

    /// <summary>A stream behind what the feed keeps (a catch-up) reads the store itself.</summary>
    private static async Task<IReadOnlyList<FeedEntry>> ReadStoreAsync(ActionCall call, long after, CancellationToken cancellationToken)
    {
        call.Services.Signals.Feed.Counters.StoreRead();
        return (await call.Services.Store.ReadStreamAsync(call.RequireRoom().Id, after, RoomFeed.Page, cancellationToken)).Select(RoomFeed.Render).ToList();
    }

    /// <summary>A stream outlives its first check: stop once the token is revoked or expired, or the caller has left.</summary>
    private static async Task<bool> StillAllowedAsync(ActionCall call, CancellationToken cancellationToken)
    {
        call.Services.Signals.Feed.Counters.AccessChecked();
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
