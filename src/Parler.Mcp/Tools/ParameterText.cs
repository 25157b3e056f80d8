using System.Text.Json.Nodes;

namespace Parler.Mcp.Tools;

/// <summary>
/// Every tool parameter in the model's terms: a description, and the bounds or closed set of values it takes. Keyed by
/// parameter name, or "tool.parameter" where one tool means something else by it.
/// </summary>
internal static class ParameterText
{
    /// <summary>The longest wait a tool offers: under the 60 s the official SDKs give a request by default.</summary>
    public const int MaxWaitSeconds = 50;

    /// <summary>The hub's limit on one request's JSON (its default); longer text is refused here as body_too_large.</summary>
    public const int MaxTextBytes = 64 * 1024;

    private static readonly Dictionary<string, Func<JsonObject>> Shapes = new(StringComparer.Ordinal)
    {
        ["room"] = () => Text("Room name or id.", 1, 80),
        ["agent"] = () => Text("Agent name, id, or the id's first 8+ characters.", 1, 80),
        ["handoff"] = () => Text("The handoff id (ho_...) from the HANDOFF TO YOU line.", 1, 80),
        ["invite"] = () => Text("The invite's id (inv_...) or its code.", 1, 80),
        ["queue"] = () => Text("A service queue's name, e.g. review: letters, digits, '-', '_' or '.'.", 1, 64),
        ["allow"] = () => Flag("true lets the agent serve; false takes that back (default true)."),
        ["job"] = () => Text("The job id (jb_...), or its first 8+ characters.", 1, 80),
        ["name"] = () => Text("The room's name: letters, digits, '-', '_' or '.'.", 1, 64),
        ["kind"] = () => Enum("'channel' (default): a group room; 'dm': a direct room.", "channel", "dm"),
        ["approval"] = () => Flag("Joiners wait for approval (default true)."),
        ["ttl_seconds"] = () => Number("Seconds the code stays valid (default 7 days).", 60, 30 * 24 * 3600),
        ["max_uses"] = () => Number("How many agents may use the code (default 25).", 1, 1000),
        ["code"] = () => Text("The invite code, e.g. VBZHDHGR.", 4, 64),
        ["body"] = () => Text("The message text.", 1, MaxTextBytes),
        ["after"] = () => Number("Re-read after this seq without moving your cursor (0: all).", 0, long.MaxValue),
        ["wait"] = () => Number($"Seconds to wait for something new (0-{MaxWaitSeconds}, default 0); 25 is a good live wait.", 0, MaxWaitSeconds),
        ["limit"] = () => Number("At most this many results (default 100).", 1, 500),
        ["text"] = () => Text("The text to store or queue.", 1, MaxTextBytes),
        ["key"] = () => Text("A name for the note; a later note with the same key replaces it.", 1, 200),
        ["q"] = () => Text("Words to search for.", 1, 500),
        ["lease_seconds"] = () => Number("Seconds you hold the job before it returns to the queue (default 30).", 1, 3600),
        ["status"] = () => Enum("How the handoff stands.", "accepted", "working", "done", "failed"),
        ["result"] = () => Text("The job's result or error, for whoever queued it.", 1, MaxTextBytes),
        ["for"] = () => Text("Who takes the turn: a member's name, role or id.", 1, 80),
        ["summary"] = () => Text("What is done, in a few lines.", 1, MaxTextBytes),
        ["next"] = () => Text("What the next agent should do.", 1, MaxTextBytes),
        ["bundle"] = () => Text("Optional: the blob id of a bundle you pushed with parler_push.", 64, 64),
        ["note"] = () => Text("A note for the peer.", 1, 4000),
        ["tag"] = () => Text("Only agents with this tag.", 1, 64),
        ["skill"] = () => Text("Only agents with this skill.", 1, 64),
        ["public"] = () => Flag("Search every public card on the hub, not only agents you share a room with."),
        ["online"] = () => Flag("Only agents online now."),
        ["to"] = () => Text("An agent to message directly: name or id.", 1, 80),
        ["service"] = () => Text("A service queue to queue it on as a job.", 1, 64),
        ["topic"] = () => Text("The session's room name, e.g. auth-redesign.", 1, 64),
        ["context"] = () => Text("Everything the next agent needs: goal, decisions, current state, next step.", 1, MaxTextBytes),
        ["role"] = () => Text("What you do, in a few words.", 1, 200),
        ["description"] = () => Text("One or two sentences about you.", 1, 1000),
        ["tags"] = () => List("Tags others can filter on; replaces your tags."),
        ["skills"] = () => List("Skills others can filter on; replaces your skills."),
        ["visibility"] = () => Enum("'public': anyone on the hub finds you; 'private' (default): only agents sharing a room with you.", "public", "private"),
        ["ref"] = () => Text("The branch or tag to push (default: the current branch).", 1, 200),
        ["base"] = () => Text("Push only commits after this one, e.g. origin/main (default: the whole history).", 1, 200),
        ["blob"] = () => Text("The blob id from the file or bundle line.", 64, 64),
        ["path"] = () => Text("The local file to send; only this file is read.", 1, 4096),
        ["output"] = () => Text("File or folder to write to (default: the current folder).", 1, 4096),
        ["force"] = () => Flag("Replace an existing file (default false)."),
        ["send_file.name"] = () => Text("The name peers see (default: the file's own).", 1, 255),
        ["session.join.key"] = () => Text("The session key (default: the one this server started with).", 4, 64),
        ["session.join.wait"] = () => Number($"Seconds to wait for the host's answer while pending (0-{MaxWaitSeconds}).", 0, MaxWaitSeconds),
        ["jobs.lease.wait"] = () => Number($"Seconds to wait for a job (0-{MaxWaitSeconds}).", 0, MaxWaitSeconds),
        ["jobs.complete.status"] = () => Enum("How the job ended.", "done", "failed"),
        ["memory.recall.limit"] = () => Number("At most this many notes (default 20).", 1, 100),
        ["memory.recall_private.limit"] = () => Number("At most this many notes (default 20).", 1, 100),
        ["messages.read.room"] = () => Text("Room name or id; omit for all rooms and direct messages.", 1, 80),
        ["messages.read.limit"] = () => Number("At most this many facts per room (default 100).", 1, 500),
        ["rooms.create.approval"] = () => Flag("Whether each joiner waits for your approval (default false)."),
    };

    /// <summary>The parameter's schema for <paramref name="tool"/> (its registry action or composite key).</summary>
    public static JsonObject For(string tool, string parameter) =>
        Shapes.TryGetValue(tool + "." + parameter, out var specific) ? specific()
        : Shapes.TryGetValue(parameter, out var shape) ? shape()
        : throw new InvalidOperationException($"No description for parameter '{parameter}' of '{tool}': add it to ParameterText.");

    /// <summary>A string; its length bounds are written out only where they bind (long text, fixed-length ids), to keep the list short.</summary>
    private static JsonObject Text(string description, int min, int max)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (min > 1)
        {
            schema["minLength"] = min;
        }

        if (max > 1000 || min == max)
        {
            schema["maxLength"] = max;
        }

        return schema;
    }

    private static JsonObject Number(string description, long min, long max)
    {
        var schema = new JsonObject { ["type"] = "integer", ["description"] = description, ["minimum"] = min };
        if (max != long.MaxValue)
        {
            schema["maximum"] = max;
        }

        return schema;
    }

    private static JsonObject Flag(string description) => new() { ["type"] = "boolean", ["description"] = description };

    private static JsonObject Enum(string description, params string[] values) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]), ["description"] = description };

    private static JsonObject List(string description) =>
        new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = 64 }, ["maxItems"] = 32, ["description"] = description };
}
