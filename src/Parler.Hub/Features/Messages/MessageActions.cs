using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Live;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Messages;

/// <summary>Posting signed messages, reading a room after a cursor (optionally waiting), acking, and the live stream.</summary>
internal static class MessageActions
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
    public const int MaxWaitSeconds = 60;

    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Writing(
            MessageContract.Post,
            context.PostMessageRequest,
            context.PostMessageResponse,
            PostAsync,
            CheckPost);
        yield return ActionDefinition.Reading(
            MessageContract.Read,
            context.ReadEventsRequest,
            context.ReadEventsResponse,
            ReadAsync);
        yield return ActionDefinition.Writing(
            MessageContract.AckCursor,
            context.AckRequest,
            context.CursorResponse,
            AckAsync);
        yield return ActionDefinition.Streaming(MessageContract.Stream, (call, input, ct) => EventStream.RunAsync(call, (StreamRequest)input!, ct));
        yield return ActionDefinition.Streaming(MessageContract.History, (call, input, ct) => HistoryAnswer.RunAsync(call, (StreamRequest)input!, ct));
    }

    /// <summary>Shape and signature checks, before the write: the room id and author are fixed by then.</summary>
    private static void CheckPost(ActionCall call, PostMessageRequest input)
    {
        var body = Validate.Required(input.Body, "body", "standup at 10");
        if (body.Length > call.Services.Options.MaxMessageChars)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'body' is over {call.Services.Options.MaxMessageChars} characters; split it.");
        }

        var kind = input.Kind ?? "text";
        if (kind != "text")
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'kind' is 'text', not '{kind}'.");
        }

        SignedPost.Check(
            call, kind, body, input.Nonce, input.Signature, signatureRequired: false,
            "sign the RFC 8785 form of {purpose, room (the room id), author, kind, body, nonce}.");
    }

    private static async Task<PostMessageResponse> PostAsync(ActionCall call, PostMessageRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var room = await call.ReloadRoomAsync(writer, ct);
        await SignedPost.ChargeAsync(call, writer, room.Id, ct);
        var state = new PostState(room.State, await writer.NonceSeenAsync(room.Id, input.Nonce!, ct));
        var posted = MessageDecider.Decide(state, new PostMessage(caller.AgentId, input.Kind ?? "text", input.Body!, input.Nonce!, input.Signature)).Unwrap()!;
        var fact = await writer.AppendAsync(room.Id, caller.Draft(posted), ct);
        return new PostMessageResponse(room.Id, fact.Seq, fact.Hash, DateTimeOffset.FromUnixTimeMilliseconds(fact.At));
    }

    private static async Task<ReadEventsResponse> ReadAsync(ActionCall call, ReadEventsRequest input, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var room = call.RequireRoom();
        var store = call.Services.Store;
        var limit = Validate.Range(input.Limit, DefaultLimit, 1, MaxLimit, "limit");
        var wait = Validate.Range(input.Wait, 0, 0, MaxWaitSeconds, "wait");
        var after = input.After ?? await store.GetCursorAsync(caller.AgentId, room.Id, ct);
        if (after > room.Head)
        {
            // The room came from the lookups, whose head may be behind: only the record's head can refuse a cursor.
            room = await call.Services.Rooms.GetAsync(room.Id, cached: false, ct) ?? throw RoomAccess.NotFound();
        }

        Cursors.Check(after, room.Head);

        var deadline = call.Services.Time.GetUtcNow().AddSeconds(wait);
        while (true)
        {
            var signal = call.Services.Signals.NextAsync(room.Id);
            var facts = await store.ReadStreamAsync(room.Id, after, limit + 1, ct);
            var remaining = deadline - call.Services.Time.GetUtcNow();
            if (facts.Count > 0 || remaining <= TimeSpan.Zero)
            {
                await call.RecheckAccessAsync(ct);
                room = call.RequireRoom();
                var page = facts.Take(limit).Select(f => f.ToView()).ToList();
                var head = facts.Count > 0 ? Math.Max(room.Head, facts[^1].Seq) : room.Head;
                return new ReadEventsResponse(room.Id, page, page.Count > 0 ? page[^1].Seq : after, head, facts.Count > limit);
            }

            try
            {
                await signal.WaitAsync(remaining, call.Services.Time, ct);
            }
            catch (TimeoutException)
            {
                // Deadline reached: one last read, then answer with whatever is there.
            }
        }
    }

    private static async Task<CursorResponse> AckAsync(ActionCall call, AckRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var room = await call.ReloadRoomAsync(writer, ct);
        var seq = input.Seq ?? throw new HubException(ErrorCodes.ValidationFailed, "'seq' is required: the last seq you have handled.");
        Cursors.Check(seq, room.Head);
        var current = await writer.GetCursorAsync(caller.AgentId, room.Id, ct);
        if (seq > current)
        {
            await writer.AppendAsync(
                caller.AgentId,
                caller.Draft(new CursorAdvanced(room.Id, seq)),
                ct);
        }

        return new CursorResponse(room.Id, Math.Max(seq, current));
    }
}
