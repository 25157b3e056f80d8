using Microsoft.AspNetCore.Http;
using Parler.Hub.Auth;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions;

/// <summary>One call of an action: the request, the caller, and the room it resolved to.</summary>
internal sealed class ActionCall(HttpContext http, HubServices services, ActionDefinition action)
{
    public HttpContext Http { get; } = http;

    public HubServices Services { get; } = services;

    public ActionDefinition Action { get; } = action;

    public Caller? Caller { get; set; }

    public RoomRecord? Room { get; set; }

    /// <summary>What the write will look up in the writer, told by the checks before it (<see cref="WriteHints"/>); null: nothing told.</summary>
    public WriteHints? Hints { get; set; }

    /// <summary>The request body as sent (empty for a query-string call), kept for the idempotency record's older hash.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The peer's address, the subject of the per-address quotas (a proxy in front of the hub makes it the proxy's).</summary>
    public string SourceAddress => Http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public Caller RequireCaller() => Caller ?? throw new InvalidOperationException($"{Action.Name} ran without a caller.");

    public RoomRecord RequireRoom() => Room ?? throw new InvalidOperationException($"{Action.Name} ran without a room.");

    public string RouteValue(string name) =>
        Http.Request.RouteValues[name] as string ?? throw new HubException(ErrorCodes.ValidationFailed, $"The route needs '{name}'.");

    /// <summary>
    /// Checks again, after facts were read and before they are answered, that the token still stands and the caller is still
    /// an active member of the room: whatever was read committed before this check, so before any revocation or removal
    /// that this check does not see. A waiting read or a stream calls it after every wake-up. The room is read from the
    /// record (the call's room may have come from <see cref="RoomLookups"/>), so its head is at least what was read.
    /// </summary>
    public async Task RecheckAccessAsync(CancellationToken cancellationToken)
    {
        Caller = await Services.Authenticator.AuthenticateAsync(Http, cancellationToken, Action, recheck: true);
        if (Room is { } known)
        {
            var room = await Services.Rooms.GetAsync(known.Id, cached: false, cancellationToken);
            if (room?.State.ActiveMember(Caller.AgentId) is null)
            {
                throw RoomAccess.NotFound();
            }

            Room = room;
        }
    }

    /// <summary>Reloads the room inside a write and checks the caller is still an active member.</summary>
    public async Task<RoomRecord> ReloadRoomAsync(IStoreWriter writer, CancellationToken cancellationToken)
    {
        var room = await writer.GetRoomAsync(RequireRoom().Id, cancellationToken);
        if (room?.State.ActiveMember(RequireCaller().AgentId) is null)
        {
            throw RoomAccess.NotFound();
        }

        return room;
    }
}
