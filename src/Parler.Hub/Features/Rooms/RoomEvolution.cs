using System.Collections.Immutable;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Rooms;

/// <summary>Folds a room's facts into its <see cref="RoomState"/>. Pure: the same facts give the same state.</summary>
internal static class RoomEvolution
{
    public static RoomState? Evolve(RoomState? state, StoredFact fact)
    {
        if (fact.Type == FactTypes.RoomCreated)
        {
            var created = fact.Read<RoomCreated>();
            return new RoomState(
                fact.Stream, created.Name, created.Kind, fact.Actor, fact.At,
                ImmutableDictionary<string, MemberState>.Empty, ImmutableDictionary<string, InviteState>.Empty, created.Approval);
        }

        if (state is null)
        {
            throw new InvalidOperationException($"Fact {fact.Type} #{fact.Seq} arrived before its room was created.");
        }

        switch (fact.Type)
        {
            case FactTypes.MemberJoined:
                var joined = fact.Read<MemberJoined>();
                return Join(state, joined.AgentId, joined.Name, joined.Role, joined.InviteId, MemberStatus.Active, fact.At);
            case FactTypes.MemberRequested:
                var requested = fact.Read<MemberRequested>();
                return Join(state, requested.AgentId, requested.Name, requested.Role, requested.InviteId, MemberStatus.Pending, fact.At);
            case FactTypes.MemberApproved:
                return SetStatus(state, fact.Read<MemberApproved>().AgentId, MemberStatus.Active, fact.At);
            case FactTypes.MemberDenied:
                return SetStatus(state, fact.Read<MemberDenied>().AgentId, MemberStatus.Denied, null);
            case FactTypes.MemberRemoved:
                return SetStatus(state, fact.Read<MemberRemoved>().AgentId, MemberStatus.Removed, null);
            case FactTypes.MemberLeft:
                return SetStatus(state, fact.Read<MemberLeft>().AgentId, MemberStatus.Left, null);
            case FactTypes.InviteMinted:
                var minted = fact.Read<InviteMinted>();
                var invite = new InviteState(
                    minted.InviteId, minted.CodeHash, minted.Kind, fact.Actor, minted.ExpiresAt, minted.MaxUses, 0, false, minted.Approval);
                return state with { Invites = state.Invites.SetItem(minted.InviteId, invite) };
            case FactTypes.InviteRevoked:
                return state.Invites.TryGetValue(fact.Read<InviteRevoked>().InviteId, out var existing)
                    ? state with { Invites = state.Invites.SetItem(existing.Id, existing with { Revoked = true }) }
                    : state;
            case FactTypes.HandoffPosted:
                var handoff = fact.Read<HandoffPosted>();
                return state with
                {
                    Handoffs = state.OpenHandoffs.SetItem(handoff.HandoffId, new HandoffState(handoff.HandoffId, handoff.For, fact.Actor, TaskStatuses.Open)),
                };
            case FactTypes.TaskStatus:
                var report = fact.Read<TaskStatusReported>();
                return state.OpenHandoffs.TryGetValue(report.HandoffId, out var open)
                    ? state with { Handoffs = state.OpenHandoffs.SetItem(open.Id, open with { Status = report.Status }) }
                    : state;
            default:
                return state;
        }
    }

    /// <summary>The agent a fact that changes who is in a room is about; null for any other fact.</summary>
    public static string? MemberOf(StoredFact fact) => fact.Type switch
    {
        FactTypes.MemberJoined => fact.Read<MemberJoined>().AgentId,
        FactTypes.MemberRequested => fact.Read<MemberRequested>().AgentId,
        FactTypes.MemberApproved => fact.Read<MemberApproved>().AgentId,
        FactTypes.MemberDenied => fact.Read<MemberDenied>().AgentId,
        FactTypes.MemberRemoved => fact.Read<MemberRemoved>().AgentId,
        FactTypes.MemberLeft => fact.Read<MemberLeft>().AgentId,
        _ => null,
    };

    /// <summary>A member arrives, active or waiting for approval; an invite it used counts one more use.</summary>
    private static RoomState Join(RoomState state, string agent, string name, string? role, string? inviteId, string status, long at)
    {
        var member = new MemberState(agent, name, role ?? Roles.Member, status, at);
        var invites = state.Invites;
        if (inviteId is not null && invites.TryGetValue(inviteId, out var used))
        {
            invites = invites.SetItem(inviteId, used with { Uses = used.Uses + 1 });
        }

        return state with { Members = state.Members.SetItem(agent, member), Invites = invites };
    }

    private static RoomState SetStatus(RoomState state, string agent, string status, long? joinedAt) =>
        state.Members.TryGetValue(agent, out var current)
            ? state with { Members = state.Members.SetItem(agent, current with { Status = status, JoinedAt = joinedAt ?? current.JoinedAt }) }
            : state;

    /// <summary>Whether a fact of this type can change <see cref="RoomState"/> (a message cannot).</summary>
    public static bool ChangesState(string type) =>
        type == FactTypes.RoomCreated || FactTypes.IsMembership(type) || type is FactTypes.InviteMinted or FactTypes.InviteRevoked or FactTypes.HandoffPosted or FactTypes.TaskStatus;
}
