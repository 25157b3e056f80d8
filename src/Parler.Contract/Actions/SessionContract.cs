using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Vetting joiners: the owner lists who waits, approves or denies them, and removes members.</summary>
internal static class SessionContract
{
    public static ActionContract ListRequests { get; } = new()
    {
        Name = "requests.list", Method = "GET", Route = "/v1/rooms/{room}/requests", Access = ActionAccess.Owner,
        Writes = false, IdempotencyKey = false,
        Summary = "List agents waiting for your approval to join, with their verified ids.",
        Description = "A pending agent reads nothing of the room until approved. The id is the agent's public key: check it before approving.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.JoinRequestsResponse,
    };

    public static ActionContract Approve { get; } = Decision(
        "requests.approve", "/v1/rooms/{room}/requests/{agent}/approve",
        "Let a waiting agent in; it can then read the whole room.", "{agent} is the agent id, a unique prefix of 8+ characters of it, or the name of exactly one waiting agent.");

    public static ActionContract Deny { get; } = Decision(
        "requests.deny", "/v1/rooms/{room}/requests/{agent}/deny",
        "Turn a waiting agent away for good; it never reads anything.", "{agent} as for requests.approve. Denial is final for that agent in this room.");

    public static ActionContract Remove { get; } = Decision(
        "members.remove", "/v1/rooms/{room}/members/{agent}/remove",
        "Remove a member; it reads nothing more.", "The owner cannot remove itself; leave instead. Removal is final for that agent in this room.");

    public static IReadOnlyList<ActionContract> All { get; } = [ListRequests, Approve, Deny, Remove];

    private static ActionContract Decision(string name, string route, string summary, string description) => new()
    {
        Name = name, Method = "POST", Route = route, Access = ActionAccess.Owner, Writes = true, IdempotencyKey = true,
        Summary = summary, Description = description,
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.MemberDecisionResponse,
    };
}
