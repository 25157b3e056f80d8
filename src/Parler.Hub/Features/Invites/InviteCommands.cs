using Parler.Hub.Features.Rooms;
using Parler.Hub.Limits;

namespace Parler.Hub.Features.Invites;

/// <summary>invites.mint: who mints, the new invite's id and code hash, and its lifetime and uses (already within bounds).</summary>
internal sealed record MintInvite(string Minter, string InviteId, string CodeHash, int TtlSeconds, int MaxUses, bool? Approval);

/// <summary>invites.revoke: who revokes which invite, named by its id or its code (<paramref name="ReferenceHash"/>: the hash of that code).</summary>
internal sealed record RevokeInvite(string Caller, string Reference, string ReferenceHash);

/// <summary>invites.redeem: the agent (and the name it joins under) offering a code, normalized; null when the request had none.</summary>
internal sealed record RedeemInvite(string Agent, string Name, string? Code);

/// <summary>One budget of wrong invite codes as the writer holds it: the rule, its subject, and how many its window holds already.</summary>
internal sealed record GuessBudget(LimitRule Rule, string Subject, long Used);

/// <summary>
/// What the writer holds when a code is redeemed: the guesser's budgets (its agent and its address), the room and invite
/// the code names (null: none), and, once it names one, that room's budget of dead codes.
/// </summary>
internal sealed record RedeemState(IReadOnlyList<GuessBudget> Guesser, RoomState? Room, InviteState? Invite, IReadOnlyList<GuessBudget> RoomGuesses);

/// <summary>
/// What a redemption comes to: the agent joins (<see cref="Joined"/>), knocks (<see cref="Requested"/>), or already stands
/// in the room (<see cref="Standing"/>: <see cref="InviteDecider.AlreadyMember"/> or pending) and nothing is appended.
/// </summary>
internal sealed record Redemption(MemberJoined? Joined = null, MemberRequested? Requested = null, string? Standing = null);
