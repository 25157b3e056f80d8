using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Memory;

/// <summary>Shared memory: notes a room's members keep and search, and each agent's private notes.</summary>
internal static class MemoryActions
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxKeyChars = 128;
    public const int MaxQueryChars = 1024;
    public const string PrivateScope = "private";

    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Writing(
            MemoryContract.Remember,
            context.RememberRequest,
            context.RememberResponse,
            (call, input, writer, ct) => RememberAsync(call, input, writer, shared: true, ct),
            Check);
        yield return ActionDefinition.Reading(
            MemoryContract.Recall,
            context.RecallRequest,
            context.RecallResponse,
            (call, input, ct) => RecallAsync(call, input, shared: true, ct));
        yield return ActionDefinition.Writing(
            MemoryContract.RememberPrivate,
            context.RememberRequest,
            context.RememberResponse,
            (call, input, writer, ct) => RememberAsync(call, input, writer, shared: false, ct),
            Check);
        yield return ActionDefinition.Reading(
            MemoryContract.RecallPrivate,
            context.RecallRequest,
            context.RecallResponse,
            (call, input, ct) => RecallAsync(call, input, shared: false, ct));
    }

    private static void Check(ActionCall call, RememberRequest input)
    {
        var text = Validate.Required(input.Text, "text", "deploy strategy is blue-green");
        if (text.Length > call.Services.Options.MaxMessageChars)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'text' is over {call.Services.Options.MaxMessageChars} characters; split it.");
        }

        if (input.Key is { } key)
        {
            Validate.Line(key, "key", "deploy-strategy", MaxKeyChars);
        }
    }

    private static async Task<RememberResponse> RememberAsync(
        ActionCall call, RememberRequest input, IStoreWriter writer, bool shared, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var room = shared ? await call.ReloadRoomAsync(writer, ct) : null;
        var stream = room?.Id ?? caller.AgentId;
        var remembered = MemoryDecider.Decide(new RememberState(room?.State), new RememberNote(caller.AgentId, input.Text!, input.Key, shared)).Unwrap()!;
        var fact = await writer.AppendAsync(stream, caller.Draft(remembered), ct);
        return new RememberResponse(shared ? stream : PrivateScope, remembered.Key, fact.Seq, fact.Hash, DateTimeOffset.FromUnixTimeMilliseconds(fact.At));
    }

    private static async Task<RecallResponse> RecallAsync(ActionCall call, RecallRequest input, bool shared, CancellationToken ct)
    {
        var query = Validate.Required(input.Q, "q", "deploy strategy").Trim();
        if (query.Length > MaxQueryChars)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'q' is over {MaxQueryChars} characters; use a few words.");
        }

        var limit = Validate.Range(input.Limit, DefaultLimit, 1, MaxLimit, "limit");
        var scope = shared ? call.RequireRoom().Id : call.RequireCaller().AgentId;
        var found = await call.Services.Store.RecallAsync(scope, query, limit, ct);
        var label = shared ? scope : PrivateScope;
        var memories = found.Select(r => new MemoryView(
            r.Memory.Text, r.Memory.Key, r.Memory.Author, r.AuthorName, DateTimeOffset.FromUnixTimeMilliseconds(r.Memory.At), label, r.Memory.Seq)).ToList();
        return new RecallResponse(label, query, memories);
    }
}
