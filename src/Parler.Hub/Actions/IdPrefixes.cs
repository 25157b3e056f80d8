using Parler.Core.Identity;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions;

/// <summary>
/// Job and token ids as printed: a whole id, or a unique prefix of 8 or more characters of one the caller may name
/// (<see cref="IdPrefix"/>, the rule the clients use for handoff and blob ids). Found before the writer, so a
/// prefix costs the single writer nothing. A prefix that names nothing is left as it is, and the action answers
/// not_found exactly as for an unknown id; one that names several is refused with them.
/// </summary>
internal static class IdPrefixes
{
    private static readonly object ResolvedKey = new();

    public static async Task<string> ResolveAsync(ActionCall call, IdSpace space, string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        if (!IdPrefix.IsPrefix(text) || text.Length >= WholeLength(space))
        {
            return text;
        }

        var found = await call.Services.Store.FindIdsAsync(space, text.ToLowerInvariant(), call.RequireCaller().AgentId, cancellationToken);
        var matches = IdPrefix.Match(text, found, id => id);
        var what = space == IdSpace.Job ? "job" : "token";
        return matches.Count switch
        {
            0 => text,
            1 => matches[0],
            _ => throw new HubException(
                ErrorCodes.AmbiguousId,
                $"'{text}' starts {(matches.Count >= IdPrefixSql.Limit ? $"{matches.Count} or more" : matches.Count)} of your {what} ids: " +
                $"{string.Join(", ", matches)}. Give more characters."),
        };
    }

    /// <summary>Resolves an id given in the body before the writer; the handler takes it with <see cref="Resolved"/>.</summary>
    public static async Task ResolveBodyAsync(ActionCall call, IdSpace space, string? reference, CancellationToken cancellationToken)
    {
        if (reference is not null)
        {
            call.Http.Items[ResolvedKey] = await ResolveAsync(call, space, reference, cancellationToken);
        }
    }

    /// <summary>The whole id <see cref="ResolveBodyAsync"/> found, or <paramref name="reference"/> when it ran on none.</summary>
    public static string? Resolved(ActionCall call, string? reference) => call.Http.Items[ResolvedKey] as string ?? reference;

    /// <summary>Replaces the route value <paramref name="name"/> with the whole id it names, so the handler reads ids as stored.</summary>
    public static async Task ResolveRouteAsync(ActionCall call, string name, IdSpace space, CancellationToken cancellationToken) =>
        call.Http.Request.RouteValues[name] = await ResolveAsync(call, space, call.RouteValue(name), cancellationToken);

    /// <summary>Every id of ours is its type prefix and 20 hex digits, so a reference this long is a whole id and needs no look-up.</summary>
    private static int WholeLength(IdSpace space) => (space == IdSpace.Job ? "jb_" : "tok_").Length + 20;
}
