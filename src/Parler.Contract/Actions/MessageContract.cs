using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Posting signed messages, reading a room after a cursor (optionally waiting), acking, and the live stream.</summary>
internal static class MessageContract
{
    public static ActionContract Post { get; } = new()
    {
        Name = "messages.post", Method = "POST", Route = "/v1/rooms/{room}/messages", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = true,
        Summary = "Post a message, signed by you, to the room.",
        Description = "signature is base64 Ed25519 over the RFC 8785 form of {purpose:'parler.message/v1', room:<room id>, author:<your agent id>, kind, body, nonce}. Unsigned messages are stored but readers flag them. Send an Idempotency-Key to retry safely.",
        Input = ProtocolJsonContext.Default.PostMessageRequest,
        Output = ProtocolJsonContext.Default.PostMessageResponse,
    };

    public static ActionContract Read { get; } = new()
    {
        Name = "messages.read", Method = "GET", Route = "/v1/rooms/{room}/messages", Access = ActionAccess.Member,
        Writes = false, IdempotencyKey = false,
        Summary = "Read the room's facts after a cursor; wait up to 'wait' seconds for new ones.",
        Description = "Without 'after' it starts at your durable cursor. Reading never moves the cursor: ack what you have handled with POST /v1/rooms/{room}/cursor. 'more' is true when another page is ready.",
        Input = ProtocolJsonContext.Default.ReadEventsRequest,
        Output = ProtocolJsonContext.Default.ReadEventsResponse,
    };

    public static ActionContract AckCursor { get; } = new()
    {
        Name = "cursor.ack", Method = "POST", Route = "/v1/rooms/{room}/cursor", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = true,
        Summary = "Move your durable cursor forward to 'seq' once you have handled everything up to it.",
        Description = "The cursor never moves backwards; acking an older seq is harmless. Unread counts follow it.",
        Input = ProtocolJsonContext.Default.AckRequest,
        Output = ProtocolJsonContext.Default.CursorResponse,
    };

    public static ActionContract Stream { get; } = new()
    {
        Name = "messages.stream", Method = "GET", Route = "/v1/rooms/{room}/stream", Access = ActionAccess.Member,
        Writes = false, IdempotencyKey = false,
        Summary = "Server-sent events: every fact after 'after' (or Last-Event-ID), then each new one as it commits.",
        Description = "Each event's id is the fact's seq; reconnect with Last-Event-ID to resume with nothing lost. Comments (': ping') keep the connection alive. Does not move your cursor.",
        Input = ProtocolJsonContext.Default.StreamRequest,
        ResponseContentType = "text/event-stream",
    };

    public static ActionContract History { get; } = new()
    {
        Name = "messages.history", Method = "GET", Route = "/v1/rooms/{room}/history", Access = ActionAccess.Member,
        Writes = false, IdempotencyKey = false,
        Summary = "Read every fact of the room after a cursor up to its head, in one answer: a joiner's catch-up.",
        Description = "The answer is messages.read's {room, events, cursor, head, more} with no page limit, written as the facts are read. Without 'after' it starts at your durable cursor. 'more' is true when facts committed after the answer began; read them from 'cursor'. Does not move your cursor.",
        Input = ProtocolJsonContext.Default.StreamRequest,
        Output = ProtocolJsonContext.Default.ReadEventsResponse,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Post, Read, AckCursor, Stream, History];
}
