using Parler.Core.Facts;
using Parler.Core.Identity;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Handoffs;

/// <summary>Handing the turn to another agent, and that agent reporting how the task goes.</summary>
internal static class HandoffActions
{
    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Writing(
            HandoffContract.Post,
            context.PostHandoffRequest,
            context.HandoffResponse,
            PostAsync,
            CheckPost);
        yield return ActionDefinition.Writing(
            HandoffContract.TaskStatus,
            context.TaskStatusRequest,
            context.TaskStatusResponse,
            StatusAsync);
    }

    /// <summary>Shape and signature checks, before the write: the signed body holds 'for' as the author wrote it.</summary>
    private static void CheckPost(ActionCall call, PostHandoffRequest input)
    {
        var target = Validate.Required(input.For, "for", "webdev").Trim();
        var summary = Validate.Required(input.Summary, "summary", "rotation done, endpoints in src/auth.rs");
        var next = Validate.Required(input.Next, "next", "wire the login UI to the new endpoints");
        if (summary.Length + next.Length > call.Services.Options.MaxMessageChars)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"summary and next together are over {call.Services.Options.MaxMessageChars} characters.");
        }

        SignedPost.Check(
            call, HandoffBody.Kind, HandoffBody.Of(target, summary, next, input.Bundle), input.Nonce, input.Signature, signatureRequired: false,
            "sign a message of kind 'handoff' whose body is the RFC 8785 form of {for, summary, next, bundle}.");
    }

    private static async Task<HandoffResponse> PostAsync(ActionCall call, PostHandoffRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var target = input.For!.Trim();
        var room = await call.ReloadRoomAsync(writer, ct);
        var addressee = ResolveTarget(room.State, target);
        await SignedPost.ClaimAsync(call, writer, room.Id, input.Nonce!, ct);
        var handoffId = TokenService.NewId("ho_");
        var fact = await writer.AppendAsync(
            room.Id,
            caller.Draft(new HandoffPosted(handoffId, target, input.Summary!, input.Next!, input.Nonce!, input.Bundle, input.Signature, addressee.AgentId)),
            ct);
        return new HandoffResponse(room.Id, handoffId, fact.Seq, fact.Hash, addressee.AgentId, addressee.Name);
    }

    /// <summary>
    /// The one active member a handoff is for: by full id, by unique id prefix (8 or more characters), by name, or by
    /// role, in that order. An unknown or ambiguous target is refused with the members it could have meant.
    /// </summary>
    private static MemberState ResolveTarget(RoomState state, string target)
    {
        var active = state.Members.Values.Where(m => m.Status == MemberStatus.Active).OrderBy(m => m.JoinedAt).ToList();
        IReadOnlyList<MemberState>[] tiers =
        [
            IdPrefix.Match(target, active, m => m.AgentId),
            active.Where(m => string.Equals(m.Name, target, StringComparison.OrdinalIgnoreCase)).ToList(),
            active.Where(m => string.Equals(m.Role, target, StringComparison.OrdinalIgnoreCase)).ToList(),
        ];
        var matches = tiers.FirstOrDefault(t => t.Count > 0) ?? [];
        static string List(IEnumerable<MemberState> members) =>
            string.Join(", ", members.Select(m => $"{m.Name} ({m.AgentId}, {m.Role})"));
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new HubException(
                ErrorCodes.NotFound,
                $"No active member of this room is '{target}'. Hand off to one of: {List(active)}."),
            _ => throw new HubException(
                ErrorCodes.AmbiguousAgent,
                $"'{target}' matches {matches.Count} members: {List(matches)}. Use one's id (or 8+ characters of it)."),
        };
    }

    private static async Task<TaskStatusResponse> StatusAsync(ActionCall call, TaskStatusRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var status = Validate.Required(input.Status, "status", "accepted");
        if (!TaskStatuses.Reported.Contains(status))
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'status' is one of {string.Join(", ", TaskStatuses.Reported)}; not '{status}'.");
        }

        var room = await call.ReloadRoomAsync(writer, ct);
        var handoffId = call.RouteValue("handoff");
        if (!room.State.OpenHandoffs.ContainsKey(handoffId))
        {
            throw new HubException(ErrorCodes.NotFound, $"This room has no handoff '{handoffId}'.");
        }

        var fact = await writer.AppendAsync(
            room.Id,
            caller.Draft(new TaskStatusReported(handoffId, status, input.Note)),
            ct);
        return new TaskStatusResponse(room.Id, handoffId, status, fact.Seq);
    }
}
