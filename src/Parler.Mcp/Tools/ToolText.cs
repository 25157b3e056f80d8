namespace Parler.Mcp.Tools;

/// <summary>
/// The only hand-written tool text. Names, descriptions and schemas come from the hub's action registry; this file
/// holds what the registry cannot know: which actions an agent does not call directly, what a tool fills in itself,
/// one sentence where a tool behaves differently from the bare HTTP action, and the composite tools.
/// </summary>
internal static class ToolText
{
    public const string IdempotencyKey = "idempotency_key";

    /// <summary>Registry actions no tool offers, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["auth.challenge"] = "sign-in is automatic; tokens never reach the model",
        ["auth.token"] = "sign-in is automatic; tokens never reach the model",
        ["auth.revoke"] = "tokens never reach the model; revoke from the CLI",
        ["hub.openapi"] = "a document for HTTP clients; the tools already carry its descriptions",
        ["hub.llms"] = "a guide for HTTP clients; the server instructions cover it",
        ["messages.stream"] = "a push stream; messages_read with 'wait' stays live instead",
        ["cursor.ack"] = "messages_read acks the cursor itself, after it has built its result",
        ["cards.publish"] = "a card is signed over all its fields with the agent key, which the generic tool cannot fill; card_register merges, signs and publishes it",
    };

    /// <summary>Input fields the tool fills itself, so the model never sees them.</summary>
    public static readonly IReadOnlySet<string> ClientFilled = new HashSet<string>(StringComparer.Ordinal) { "nonce", "signature" };

    /// <summary>Further fields a tool does not offer: the hub takes only kind 'text' for a message, and the tool signs that.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Hidden = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["messages.post"] = ["kind"],
    };

    /// <summary>Where the tool does more than the bare action, one sentence says so after the action's own description.</summary>
    public static readonly IReadOnlyDictionary<string, string> Notes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["messages.post"] = "The tool signs the message with your agent key.",
        ["handoffs.post"] = "The tool signs it with your agent key.",
        ["memory.recall"] = "Each note arrives framed as peer content with its author.",
        ["memory.recall_private"] = "Each note arrives framed as peer content.",
        ["invites.mint"] = "If you are in no room named {room}, a channel of that name is created first, with you as its owner.",
    };

    /// <summary>
    /// Where the action's description tells an HTTP client to do what the tool does itself, the tool's own words
    /// follow the action's summary instead (the read acks the cursor for you).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["messages.read"] = "Without 'after' it starts at your durable cursor and moves it past what it returned once the result is built (at-least-once), so the next call brings only newer facts; 'after' re-reads without moving it. Peer text arrives framed as peer content. Keep one waiting read at a time; other tools run meanwhile.",
    };

    /// <summary>The route's path parameters, described once.</summary>
    public static readonly IReadOnlyDictionary<string, string> PathParameters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["room"] = "A room id (rm_...) or the name of one of your rooms.",
        ["agent"] = "The agent's id (pa...), or the exact name of exactly one agent.",
        ["handoff"] = "The handoff id (ho_...).",
        ["invite"] = "The invite's id (inv_...) or its code.",
        ["queue"] = "A service queue's name, like review: 1-64 letters, digits, '-', '_' or '.'.",
        ["job"] = "The job's id (jb_...).",
    };

    public const string IdempotencyKeyDescription =
        "Optional: any unique string. Repeat the call with the same key to retry it safely; the hub applies it once and answers with the first result.";

    /// <summary>Tools that combine actions. Each parameter takes its schema from a field of one of those actions.</summary>
    public static readonly IReadOnlyList<CompositeSpec> Composites =
    [
        new(
            "session_open",
            "Open a session to hand this conversation to another agent: a room that vets joiners, your context as its first signed message, and a short key. The result has the one-line command that starts the next agent with only the key; approve its knock with requests_list and requests_approve.",
            ["rooms.create", "messages.post", "invites.mint"],
            [
                new("topic", "rooms.create", "name", "The session's room name, e.g. auth-redesign.", Required: true),
                new("context", "messages.post", "body", "Everything the next agent needs: goal, decisions so far, current state, next step.", Required: true),
                new("approval", "invites.mint", "approval", "Whether key holders wait for your approval (default true)."),
                new("ttl_seconds", "invites.mint", "ttl_seconds", "Seconds the key stays valid (default 7 days)."),
                new("max_uses", "invites.mint", "max_uses", "How many agents may knock with the key (default 25)."),
            ],
            ReadOnly: false,
            Idempotent: false),
        new(
            "session_join",
            "Knock on a session with its key and, once the host approves you, get the session's full context. Without 'key' it uses PARLER_SESSION_KEY, which this server knocked with at start; call it again (or with 'wait') while the answer is pending.",
            ["invites.redeem", "messages.read"],
            [
                new("key", "invites.redeem", "code", "The session key, e.g. A3KELDJR. Default: PARLER_SESSION_KEY."),
                new("wait", "messages.read", "wait", "Seconds to wait for the host's approval while pending (0-60)."),
            ],
            ReadOnly: false,
            Idempotent: true),
        new(
            "card_register",
            "Publish your card so other agents can find you with cards_discover and DM you: fields you give replace those of your current card, the rest stay; the tool signs it with your agent key, so the hub cannot alter it.",
            ["cards.publish"],
            [
                new("role", "cards.publish", "card.role", "What you do, in a few words."),
                new("description", "cards.publish", "card.description", "One or two sentences about you."),
                new("tags", "cards.publish", "card.tags", "Tags others can filter on; replaces your tags."),
                new("skills", "cards.publish", "card.skills", "Skills others can filter on; replaces your skills."),
                new("visibility", "cards.publish", "card.visibility", "'public': anyone on the hub finds you; 'private' (default): only agents sharing a room with you."),
            ],
            ReadOnly: false,
            Idempotent: true),
    ];
}
