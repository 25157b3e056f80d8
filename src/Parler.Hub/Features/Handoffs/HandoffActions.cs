using Parler.Core.Facts;
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

    /// <summary>Inside the writer: the target is resolved before the post is charged to the quotas, then the nonce is checked.</summary>
    private static async Task<HandoffResponse> PostAsync(ActionCall call, PostHandoffRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var command = new PostHandoff(
            caller.AgentId, TokenService.NewId("ho_"), input.For!.Trim(), input.Summary!, input.Next!, input.Nonce!, input.Bundle, input.Signature);
        var room = await call.ReloadRoomAsync(writer, ct);
        var addressee = HandoffDecider.Addressee(room.State, command.For).Unwrap()!;
        await SignedPost.ChargeAsync(call, writer, room.Id, ct);
        var state = new HandoffPostState(room.State, await writer.NonceSeenAsync(room.Id, command.Nonce, ct));
        var fact = await writer.AppendAsync(room.Id, caller.Draft(HandoffDecider.Post(state, command).Unwrap()!), ct);
        return new HandoffResponse(room.Id, command.HandoffId, fact.Seq, fact.Hash, addressee.AgentId, addressee.Name);
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
        var reported = HandoffDecider.Report(room.State, new ReportTaskStatus(call.RouteValue("handoff"), status, input.Note)).Unwrap()!;
        var fact = await writer.AppendAsync(room.Id, caller.Draft(reported), ct);
        return new TaskStatusResponse(room.Id, reported.HandoffId, status, fact.Seq);
    }
}
