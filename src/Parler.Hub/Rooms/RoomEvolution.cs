using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Parler.Hub.Storage;

namespace Parler.Hub.Rooms;

/// <summary>Folds a room's facts into its <see cref="RoomState"/>. Pure: the same facts give the same state.</summary>
internal static class RoomEvolution
{
    public static RoomState? Evolve(RoomState? state, StoredFact fact)
    {
        var data = fact.Data;
        if (fact.Type == FactTypes.RoomCreated)
        {
            return new RoomState(
                fact.Stream, Text(data, "name"), Text(data, "kind"), fact.Actor, fact.At,
                ImmutableDictionary<string, MemberState>.Empty, ImmutableDictionary<string, InviteState>.Empty,
                data["approval"]?.GetValue<bool>() ?? false);
        }

        if (state is null)
        {
            throw new InvalidOperationException($"Fact {fact.Type} #{fact.Seq} arrived before its room was created.");
        }

        return fact.Type switch
        {
            FactTypes.MemberJoined => Join(state, fact, MemberStatus.Active),
            FactTypes.MemberRequested => Join(state, fact, MemberStatus.Pending),
            FactTypes.MemberApproved => SetStatus(state, data, MemberStatus.Active, fact.At),
            FactTypes.MemberDenied => SetStatus(state, data, MemberStatus.Denied, null),
            FactTypes.MemberRemoved => SetStatus(state, data, MemberStatus.Removed, null),
            FactTypes.MemberLeft => SetStatus(state, data, MemberStatus.Left, null),
            FactTypes.InviteMinted => state with
            {
                Invites = state.Invites.SetItem(Text(data, "invite_id"), new InviteState(
                    Text(data, "invite_id"), Text(data, "code_hash"), Text(data, "kind"), fact.Actor,
                    data["expires_at"]!.GetValue<long>(), data["max_uses"]!.GetValue<int>(), 0, false,
                    data["approval"]?.GetValue<bool>() ?? false)),
            },
            FactTypes.InviteRevoked => state.Invites.TryGetValue(Text(data, "invite_id"), out var existing)
                ? state with { Invites = state.Invites.SetItem(existing.Id, existing with { Revoked = true }) }
                : state,
            FactTypes.HandoffPosted => state with
            {
                Handoffs = state.OpenHandoffs.SetItem(
                    Text(data, "handoff_id"), new HandoffState(Text(data, "handoff_id"), Text(data, "for"), fact.Actor, TaskStatuses.Open)),
            },
            FactTypes.TaskStatus => state.OpenHandoffs.TryGetValue(Text(data, "handoff_id"), out var handoff)
                ? state with { Handoffs = state.OpenHandoffs.SetItem(handoff.Id, handoff with { Status = Text(data, "status") }) }
                : state,
            _ => state,
        };
    }

    /// <summary>A member arrives, active or waiting for approval; an invite it used counts one more use.</summary>
    private static RoomState Join(RoomState state, StoredFact fact, string status)
    {
        var data = fact.Data;
        var agent = Text(data, "agent_id");
        var member = new MemberState(agent, Text(data, "name"), data["role"]?.GetValue<string>() ?? Roles.Member, status, fact.At);
        var invites = state.Invites;
        if (data["invite_id"]?.GetValue<string>() is { } inviteId && invites.TryGetValue(inviteId, out var used))
        {
            invites = invites.SetItem(inviteId, used with { Uses = used.Uses + 1 });
        }

        return state with { Members = state.Members.SetItem(agent, member), Invites = invites };
    }

    private static RoomState SetStatus(RoomState state, JsonObject data, string status, long? joinedAt)
    {
        var agent = Text(data, "agent_id");
        return state.Members.TryGetValue(agent, out var current)
            ? state with { Members = state.Members.SetItem(agent, current with { Status = status, JoinedAt = joinedAt ?? current.JoinedAt }) }
            : state;
    }

    /// <summary>Whether a fact of this type can change <see cref="RoomState"/> (a message cannot).</summary>
    public static bool ChangesState(string type) =>
        type == FactTypes.RoomCreated || FactTypes.IsMembership(type) || type is FactTypes.InviteMinted or FactTypes.InviteRevoked or FactTypes.HandoffPosted or FactTypes.TaskStatus;

    private static string Text(JsonObject data, string name) =>
        data[name]?.GetValue<string>() ?? throw new InvalidOperationException($"Fact data lacks '{name}'.");
}
