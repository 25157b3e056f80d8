using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Handing the turn to another agent, and that agent reporting how the task goes.</summary>
internal static class HandoffContract
{
    public static ActionContract Post { get; } = new()
    {
        Name = "handoffs.post", Method = "POST", Route = "/v1/rooms/{room}/handoffs", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = true,
        Summary = "Hand the turn to another agent (by name, role or id) with a summary and the next instruction.",
        Description = "Signed like a message of kind 'handoff' whose body is the RFC 8785 form of {for, summary, next, bundle}. The hub resolves 'for' among the room's active members (id, unique id prefix of 8+, name, role) to one agent id, stored as 'for_agent'; an unknown or ambiguous target is refused with the candidates. That agent sees it as HANDOFF TO YOU.",
        Input = ProtocolJsonContext.Default.PostHandoffRequest,
        Output = ProtocolJsonContext.Default.HandoffResponse,
    };

    public static ActionContract TaskStatus { get; } = new()
    {
        Name = "tasks.status", Method = "POST", Route = "/v1/rooms/{room}/handoffs/{handoff}/status", Access = ActionAccess.Member,
        Writes = true, IdempotencyKey = true,
        Summary = "Report a handed-off task as accepted, working, done or failed, with an optional note.",
        Description = "Everyone in the room sees the status; the record keeps every report.",
        Input = ProtocolJsonContext.Default.TaskStatusRequest,
        Output = ProtocolJsonContext.Default.TaskStatusResponse,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Post, TaskStatus];
}
