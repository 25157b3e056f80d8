using Parler.Core.Facts;
using Parler.Core.Protocol;

namespace Parler.Client;

internal sealed partial class HubClient
{
    /// <summary>Opens a session: a room that vets joiners, the context as its first message, and a key to knock with.</summary>
    public async Task<(RoomView Room, InviteView Key)> OpenSessionAsync(
        string topic, string context, bool approval, int? ttlSeconds, int? maxUses, CancellationToken cancellationToken)
    {
        var room = await CreateRoomAsync(topic, "channel", cancellationToken, approval: true);
        await PostMessageAsync(room.Id, context, NewIdempotencyKey(), cancellationToken);
        var key = await MintInviteAsync(room.Id, ttlSeconds, maxUses, cancellationToken, approval);
        return (room, key);
    }

    public Task<JoinRequestsResponse> JoinRequestsAsync(string roomRef, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"/v1/rooms/{Escape(roomRef)}/requests", null, Out.JoinRequestsResponse, true, null, true, cancellationToken);

    /// <summary>approve or deny a waiting agent, or remove a member.</summary>
    public Task<MemberDecisionResponse> DecideAsync(string roomRef, string agent, string verb, CancellationToken cancellationToken)
    {
        var collection = verb == "remove" ? "members" : "requests";
        return SendAsync(HttpMethod.Post, $"/v1/rooms/{Escape(roomRef)}/{collection}/{Escape(agent)}/{verb}", null,
            Out.MemberDecisionResponse, true, NewIdempotencyKey(), true, cancellationToken);
    }

    public async Task<HandoffResponse> HandoffAsync(
        string roomRef, string target, string summary, string next, string? bundle, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var roomId = await ResolveRoomIdAsync(roomRef, cancellationToken);
        var (nonce, signature) = SignHandoff(roomId, target, summary, next, bundle, idempotencyKey);
        var request = new PostHandoffRequest(target, summary, next, nonce, signature, bundle);
        return await SendAsync(HttpMethod.Post, $"/v1/rooms/{Escape(roomId)}/handoffs", Json(request, In.PostHandoffRequest),
            Out.HandoffResponse, true, idempotencyKey ?? NewIdempotencyKey(), true, cancellationToken);
    }

    /// <summary>
    /// The one place a handoff is signed (the CLI and the MCP server both post through it): a fresh nonce, or one derived
    /// from the idempotency key so a retry signs the same post, and the author's signature over the handoff's body.
    /// </summary>
    public (string Nonce, string Signature) SignHandoff(string roomId, string target, string summary, string next, string? bundle, string? idempotencyKey = null)
    {
        var nonce = idempotencyKey is null ? NewNonce() : NonceFor(idempotencyKey);
        return (nonce, MessageSignature.Sign(Identity.Key, roomId, HandoffBody.Kind, HandoffBody.Of(target, summary, next, bundle), nonce));
    }

    public Task<TaskStatusResponse> TaskStatusAsync(
        string roomRef, string handoffId, string status, string? note, CancellationToken cancellationToken, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, $"/v1/rooms/{Escape(roomRef)}/handoffs/{Escape(handoffId)}/status",
            Json(new TaskStatusRequest(status, note), In.TaskStatusRequest), Out.TaskStatusResponse, true, idempotencyKey ?? NewIdempotencyKey(), true,
            cancellationToken);
}
