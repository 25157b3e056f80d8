using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Messages;

/// <summary>
/// A joiner's catch-up (<c>messages.history</c>): every fact after a cursor up to the room's head, as one
/// <see cref="ReadEventsResponse"/> written while the store is read, a page at a time, so the first facts are on the wire
/// (and in the client's parser) while later ones are still being read, and no page is held whole. Access is checked
/// once before the answer starts, from the record; the answer stops at the head seen then, so it sends nothing
/// committed after that check, and says <c>more</c> when there is more.
/// </summary>
internal static class HistoryAnswer
{
    public static async Task RunAsync(ActionCall call, StreamRequest input, CancellationToken cancellationToken)
    {
        var caller = call.RequireCaller();
        var store = call.Services.Store;
        var after = input.After ?? await store.GetCursorAsync(caller.AgentId, call.RequireRoom().Id, cancellationToken);
        await call.RecheckAccessAsync(cancellationToken);
        var room = call.RequireRoom();
        Cursors.Check(after, room.Head);

        try
        {
            var response = call.Http.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            await using var json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { SkipValidation = true });
            json.WriteStartObject();
            json.WriteString("room", room.Id);
            json.WriteStartArray("events");
            json.Flush();
            var facts = new FactWire(response.BodyWriter, room.Id);

            // Facts per store read (2000): large enough that the reads cost little, small enough to keep the wire busy.
            var page = call.Services.Options.HistoryPage;
            while (after < room.Head)
            {
                var written = await store.WriteStreamAsync(room.Id, after, room.Head, page, facts, cancellationToken);
                after = written.Last;
                await response.BodyWriter.FlushAsync(cancellationToken);
                if (written.Beyond || written.Count < page)
                {
                    break;
                }
            }

            // Facts that committed after the check wait for the next read; say so, as messages.read does ("another page is ready").
            var more = (await store.ReadStreamAsync(room.Id, after, 1, cancellationToken)).Count > 0;
            json.WriteEndArray();
            json.WriteNumber("cursor", after);
            json.WriteNumber("head", room.Head);
            json.WriteBoolean("more", more);
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }
        catch (Exception) when (call.Http.Response.HasStarted)
        {
            // The answer began as 200 and cannot become an error: cut the connection, so the client sees the answer fail
            // (and retries it) instead of a JSON document cut short.
            call.Http.Abort();
            throw;
        }
    }
}
