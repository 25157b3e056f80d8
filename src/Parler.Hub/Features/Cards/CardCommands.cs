using Parler.Core.Protocol;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Features.Cards;

/// <summary>cards.publish: an agent's card and its signature, both already checked before the writer.</summary>
internal sealed record PublishCard(string Agent, CardFields Card, string Signature);

/// <summary>dms.open: the caller opens the DM with one agent it can reach (already resolved to its id).</summary>
internal sealed record OpenDm(string Caller, string Target);

/// <summary>
/// What the writer holds when a DM is opened: the pair's room (null: none yet), and the names both agents go by now
/// (by agent id; an agent with no name joins under its id).
/// </summary>
internal sealed record DmState(RoomState? Room, IReadOnlyDictionary<string, string> Names);

/// <summary>What opening a DM appends, in order: the room when it is new, then a join for each of the pair not active in it.</summary>
internal sealed record DmOpening(RoomCreated? Created, IReadOnlyList<MemberJoined> Joins);
