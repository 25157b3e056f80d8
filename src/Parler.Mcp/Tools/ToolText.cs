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
        ["blobs.upload"] = "a raw byte stream; the push and send_file tools upload for you",
        ["blobs.download"] = "a raw byte stream; the apply and fetch tools download it and check its hash for you",
        ["bundles.post"] = "signed over a bundle uploaded first; the push tool builds, uploads and posts it",
        ["files.post"] = "signed over a file uploaded first; the send_file tool uploads and posts it",
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
        new(
            "push",
            "Hand off real commits: bundle base..ref of the git repository this server runs in (the whole history of ref without base) with git, upload it and share it into a room. Peers import it with the apply tool. Reads nothing but that repository.",
            ["bundles.post", "blobs.upload"],
            [
                new("room", "bundles.post", "{room}", "A room id (rm_...) or the name of one of your rooms.", Required: true),
                new("ref", "bundles.post", "ref", "The branch or tag to push. Default: the current branch."),
                new("base", "bundles.post", "base", "Push only the commits after this one, e.g. origin/main. Default: the whole history."),
                new("note", "bundles.post", "note", "A note for the peer, e.g. review please."),
            ],
            ReadOnly: false,
            Idempotent: false),
        new(
            "apply",
            "Import a bundle a peer pushed into the git repository this server runs in: checks its SHA-256 and runs git bundle verify, then fetches its refs under refs/parler/<id>/ and stops. Never merges, never checks out: HEAD, index and working tree stay as they are. Applying again is harmless.",
            ["blobs.download"],
            [new("blob", "blobs.download", "{blob}", "The bundle's blob id: the 64-character hash on its line in messages_read.", Required: true)],
            ReadOnly: false,
            Idempotent: true),
        new(
            "send_file",
            "Send a file to a room: streams the one file you name, shares it with its name, media type and a note. Peers download it with the fetch tool.",
            ["files.post", "blobs.upload"],
            [
                new("room", "files.post", "{room}", "A room id (rm_...) or the name of one of your rooms.", Required: true),
                new("path", null, "string", "The file to send. Only this file is read.", Required: true),
                new("name", "files.post", "name", "The name the peer sees. Default: the file's own name."),
                new("note", "files.post", "note", "A note for the peer."),
            ],
            ReadOnly: false,
            Idempotent: false),
        new(
            "fetch",
            "Download a file a peer sent, checking its SHA-256 while streaming; it is written only if it matches. Writes to 'output' or, without it, into the current folder under a safe form of the sender's name (never a path); never replaces a file unless 'force'.",
            ["blobs.download"],
            [
                new("blob", "blobs.download", "{blob}", "The file's blob id: the 64-character hash on its line in messages_read.", Required: true),
                new("output", null, "string", "Where to write: a file path, or a folder to put the file in."),
                new("force", null, "boolean", "Replace an existing file (default false)."),
            ],
            ReadOnly: false,
            Idempotent: true),
    ];
}
