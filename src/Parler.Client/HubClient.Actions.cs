using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Parler.Core.Protocol;

namespace Parler.Client;

internal sealed partial class HubClient
{
    private static ProtocolJsonContext Out => LenientJson.Context;

    private static ProtocolJsonContext In => ProtocolJsonContext.Default;

    public Task<WhoAmIResponse> WhoAmIAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "/v1/me", null, Out.WhoAmIResponse, true, null, true, cancellationToken);

    public Task<HubInfoResponse> HubInfoAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "/v1", null, Out.HubInfoResponse, false, null, true, cancellationToken);

    /// <summary>
    /// rooms.wait: answers at once without a mark; with the mark of the last answer, waits up to <paramref name="wait"/>
    /// seconds for any of this agent's rooms to change (a new fact, a new room), then answers the rooms and their mark.
    /// </summary>
    public Task<RoomWaitResponse> WaitRoomsAsync(string? mark, int wait, CancellationToken cancellationToken)
    {
        var query = "wait=" + wait.ToString(CultureInfo.InvariantCulture) + (mark is null ? "" : "&mark=" + Uri.EscapeDataString(mark));
        return SendAsync(HttpMethod.Get, "/v1/me/rooms?" + query, null, Out.RoomWaitResponse, true, null, true, cancellationToken);
    }

    public async Task<IReadOnlyList<RoomView>> ListRoomsAsync(CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, "/v1/rooms", null, Out.RoomListResponse, true, null, true, cancellationToken)).Rooms;

    public Task<RoomView> CreateRoomAsync(
        string name, string kind, CancellationToken cancellationToken, bool? approval = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, "/v1/rooms", Json(new CreateRoomRequest(name, kind, approval), In.CreateRoomRequest),
            Out.RoomView, true, idempotencyKey ?? NewIdempotencyKey(), true, cancellationToken);

    public Task<InviteView> MintInviteAsync(
        string roomId, int? ttlSeconds, int? maxUses, CancellationToken cancellationToken, bool? approval = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, $"/v1/rooms/{Escape(roomId)}/invites", Json(new MintInviteRequest(ttlSeconds, maxUses, approval), In.MintInviteRequest),
            Out.InviteView, true, idempotencyKey ?? NewIdempotencyKey(), true, cancellationToken);

    public Task<RevokeInviteResponse> RevokeInviteAsync(string roomRef, string invite, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/v1/rooms/{Escape(roomRef)}/invites/{Escape(invite)}/revoke", null,
            Out.RevokeInviteResponse, true, NewIdempotencyKey(), true, cancellationToken);

    public Task<RedeemInviteResponse> RedeemInviteAsync(string code, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/v1/invites/redeem", Json(new RedeemInviteRequest(code), In.RedeemInviteRequest),
            Out.RedeemInviteResponse, true, NewIdempotencyKey(), true, cancellationToken);

    public Task<RosterResponse> RosterAsync(string roomRef, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"/v1/rooms/{Escape(roomRef)}/members", null, Out.RosterResponse, true, null, true, cancellationToken);

    public Task<LeaveResponse> LeaveAsync(string roomRef, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/v1/rooms/{Escape(roomRef)}/leave", null, Out.LeaveResponse, true, NewIdempotencyKey(), true, cancellationToken);

    public Task<RevokeTokenResponse> RevokeTokenAsync(string? tokenId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/v1/auth/revoke", Json(new RevokeTokenRequest(tokenId), In.RevokeTokenRequest),
            Out.RevokeTokenResponse, true, NewIdempotencyKey(), true, cancellationToken);

    public Task<AffordancesResponse> AffordancesAsync(string roomRef, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"/v1/rooms/{Escape(roomRef)}/affordances", null, Out.AffordancesResponse, true, null, true, cancellationToken);

    /// <summary>
    /// Signs and posts a message; the idempotency key makes the retries of this one call land once. With a key given, the
    /// nonce comes from it, so a later call with the same key sends the same signed body and is answered the first result.
    /// </summary>
    public async Task<PostMessageResponse> PostMessageAsync(string roomRef, string body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var roomId = await ResolveRoomIdAsync(roomRef, cancellationToken);
        var nonce = idempotencyKey is null ? NewNonce() : NonceFor(idempotencyKey);
        var request = new PostMessageRequest(body, nonce, SignMessage(Identity.Key, roomId, body, nonce));
        return await SendAsync(HttpMethod.Post, $"/v1/rooms/{Escape(roomId)}/messages", Json(request, In.PostMessageRequest),
            Out.PostMessageResponse, true, idempotencyKey ?? NewIdempotencyKey(), true, cancellationToken);
    }

    public Task<ReadEventsResponse> ReadAsync(string roomRef, long? after, int? wait, int? limit, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (after is { } a)
        {
            query.Add("after=" + a.ToString(CultureInfo.InvariantCulture));
        }

        if (wait is { } w)
        {
            query.Add("wait=" + w.ToString(CultureInfo.InvariantCulture));
        }

        if (limit is { } l)
        {
            query.Add("limit=" + l.ToString(CultureInfo.InvariantCulture));
        }

        var path = $"/v1/rooms/{Escape(roomRef)}/messages" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return SendAsync(HttpMethod.Get, path, null, Out.ReadEventsResponse, true, null, true, cancellationToken);
    }

    public Task<CursorResponse> AckAsync(string roomRef, long seq, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/v1/rooms/{Escape(roomRef)}/cursor", Json(new AckRequest(seq), In.AckRequest),
            Out.CursorResponse, true, NewIdempotencyKey(), true, cancellationToken);

    /// <summary>Finds one of this agent's rooms by id or name; the answer is cached for the life of the client.</summary>
    public async Task<string> ResolveRoomIdAsync(string roomRef, CancellationToken cancellationToken)
    {
        if (roomRef.StartsWith("rm_", StringComparison.Ordinal))
        {
            return roomRef;
        }

        if (_roomIds.TryGetValue(roomRef, out var cached))
        {
            return cached;
        }

        var matches = (await ListRoomsAsync(cancellationToken)).Where(r => r.Name == roomRef).ToList();
        return matches.Count switch
        {
            1 => _roomIds[roomRef] = matches[0].Id,
            0 => throw new HubClientException(new ProblemResponse(
                "urn:parler:error:room_not_found", "No such room", 404,
                $"You are not in a room named '{roomRef}'. See 'parler rooms', or join one with 'parler join CODE'.",
                "room_not_found", "stop", false)),
            _ => throw new HubClientException(new ProblemResponse(
                "urn:parler:error:ambiguous_room", "Ambiguous room", 409,
                $"You are in {matches.Count} rooms named '{roomRef}': {string.Join(", ", matches.Select(m => m.Id))}. Use the id.",
                "ambiguous_room", "fix_client", false)),
        };
    }

    /// <summary>One connection of the push stream: facts after <paramref name="after"/>, then live ones, until it drops.</summary>
    public async IAsyncEnumerable<EventView> StreamAsync(string roomId, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/rooms/{Escape(roomId)}/stream?after={after}");
        request.Headers.Add("Parle-Version", "1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(false, cancellationToken));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var failure = await ProblemAsync(response, cancellationToken);
            if (failure.Problem?.Action == "reauthorize")
            {
                _token = null;
                await TokenAsync(true, cancellationToken);
            }

            throw failure;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        string? data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
            else if (line.Length == 0 && data is not null)
            {
                yield return JsonSerializer.Deserialize(data, Out.EventView)!;
                data = null;
            }
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
