using System.Security.Cryptography;
using System.Text;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Rooms;

/// <summary>
/// rooms.wait: one long-poll over every room of an agent. The mark names the room list (each room's id and head);
/// the wait wakes on a commit to any of those rooms, or on one that makes the agent a member of a new room
/// (<see cref="WakeKeys.RoomsOf"/>), and answers when the mark differs from the caller's.
/// </summary>
internal static class RoomWait
{
    public const int DefaultWaitSeconds = 25;
    public const int MaxWaitSeconds = 60;

    public static async Task<RoomWaitResponse> WaitAsync(ActionCall call, WaitRoomsRequest input, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var wait = Validate.Range(input.Wait, DefaultWaitSeconds, 0, MaxWaitSeconds, "wait");
        var services = call.Services;
        using var online = services.Presence.Hold(caller.AgentId);
        var deadline = services.Time.GetUtcNow().AddSeconds(wait);
        IReadOnlyList<RoomSummary> rooms = [];
        var following = false;
        while (true)
        {
            // Take the signals before reading, so a commit after the read always wakes this wait.
            var signals = rooms.Select(r => services.Signals.NextAsync(r.Room.Id))
                .Append(services.Signals.NextAsync(WakeKeys.RoomsOf(caller.AgentId))).ToList();
            rooms = await services.Store.ListRoomsAsync(caller.AgentId, ct);
            var mark = Mark(rooms);
            var remaining = deadline - services.Time.GetUtcNow();
            if (mark != input.Mark || remaining <= TimeSpan.Zero)
            {
                await call.RecheckAccessAsync(ct);
                return new RoomWaitResponse(mark, rooms.Select(r => RoomActions.View(r.Room, r.Role, r.Cursor, r.Unread)).ToList());
            }

            // The first pass followed no room yet: follow this list's rooms before sleeping.
            if (!following)
            {
                following = true;
                continue;
            }

            try
            {
                await Task.WhenAny(signals).WaitAsync(remaining, services.Time, ct);
            }
            catch (TimeoutException)
            {
                // Deadline reached: one last look, then answer with whatever is there.
            }
        }
    }

    /// <summary>A short digest of each room's id and head, in a fixed order.</summary>
    public static string Mark(IEnumerable<RoomSummary> rooms)
    {
        var text = new StringBuilder();
        foreach (var room in rooms.OrderBy(r => r.Room.Id, StringComparer.Ordinal))
        {
            text.Append(room.Room.Id).Append(':').Append(room.Room.Head).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
