using System.Collections.Immutable;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Tests.Features;

/// <summary>Room states for the deciders' tests, built as plain objects: no hub, no store.</summary>
internal static class TestRooms
{
    public const string Owner = "pa_owner00000000";

    /// <summary>A channel owned by <see cref="Owner"/>, with the given other members (id, name, status), in order of joining.</summary>
    public static RoomState Channel(params (string AgentId, string Name, string Status)[] others)
    {
        var members = ImmutableDictionary<string, MemberState>.Empty.Add(Owner, new MemberState(Owner, "owner", Roles.Owner, MemberStatus.Active, 1));
        var joined = 2L;
        foreach (var (agentId, name, status) in others)
        {
            members = members.Add(agentId, new MemberState(agentId, name, Roles.Member, status, joined++));
        }

        return new RoomState("rm_test", "team", RoomKinds.Channel, Owner, 0, members, ImmutableDictionary<string, InviteState>.Empty);
    }
}
