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
                ImmutableDictionary<string, MemberState>.Empty, ImmutableDictionary<string, InviteState>.Empty);
        }

        if (state is null)
        {
            throw new InvalidOperationException($"Fact {fact.Type} #{fact.Seq} arrived before its room was created.");
        }

        switch (fact.Type)
        {
            case FactTypes.MemberJoined:
                var agent = Text(data, "agent_id");
                var member = new MemberState(agent, Text(data, "name"), Text(data, "role"), MemberStatus.Active, fact.At);
                var invites = state.Invites;
                if (data["invite_id"]?.GetValue<string>() is { } inviteId && invites.TryGetValue(inviteId, out var used))
                {
                    invites = invites.SetItem(inviteId, used with { Uses = used.Uses + 1 });
                }

                return state with { Members = state.Members.SetItem(agent, member), Invites = invites };
            case FactTypes.MemberLeft:
                var leaving = Text(data, "agent_id");
                return state.Members.TryGetValue(leaving, out var current)
                    ? state with { Members = state.Members.SetItem(leaving, current with { Status = MemberStatus.Left }) }
                    : state;
            case FactTypes.InviteMinted:
                var invite = new InviteState(
                    Text(data, "invite_id"), Text(data, "code_hash"), Text(data, "kind"), fact.Actor,
                    data["expires_at"]!.GetValue<long>(), data["max_uses"]!.GetValue<int>(), 0, false);
                return state with { Invites = state.Invites.SetItem(invite.Id, invite) };
            case FactTypes.InviteRevoked:
                var revoked = Text(data, "invite_id");
                return state.Invites.TryGetValue(revoked, out var existing)
                    ? state with { Invites = state.Invites.SetItem(revoked, existing with { Revoked = true }) }
                    : state;
            default:
                return state;
        }
    }

    /// <summary>Whether a fact of this type can change <see cref="RoomState"/> (a message cannot).</summary>
    public static bool ChangesState(string type) => type is not FactTypes.MessagePosted;

    private static string Text(JsonObject data, string name) =>
        data[name]?.GetValue<string>() ?? throw new InvalidOperationException($"Fact data lacks '{name}'.");
}
