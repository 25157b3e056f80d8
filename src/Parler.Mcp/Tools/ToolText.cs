namespace Parler.Mcp.Tools;

/// <summary>
/// What the registry cannot know about the tools: which actions an agent does not call directly (and why), what a
/// tool fills in itself, and the tools that combine actions. Names and words are in <see cref="ToolSurface"/> and
/// <see cref="ParameterText"/>.
/// </summary>
internal static class ToolText
{
    /// <summary>Registry actions no tool offers, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["auth.challenge"] = "sign-in is automatic; tokens never reach the model",
        ["auth.token"] = "sign-in is automatic; tokens never reach the model",
        ["auth.revoke"] = "tokens never reach the model; revoke from the CLI",
        ["hub.openapi"] = "a document for HTTP clients; the tools already carry its descriptions",
        ["hub.health"] = "a probe for operators and load balancers; a failing write already says what to do",
        ["hub.llms"] = "a guide for HTTP clients; the server instructions cover it",
        ["messages.stream"] = "a push stream; parler_recv with wait stays live instead",
        ["messages.history"] = "a whole room in one answer, too long for a model; parler_recv reads it in pages",
        ["rooms.wait"] = "the server's own watcher waits on it and tells the model what arrives; parler_recv with wait reads it",
        ["messages.post"] = "parler_send posts to a room, a direct room or a queue, signing the message",
        ["cursor.ack"] = "parler_recv moves the cursor itself, after it has built its result",
        ["cards.publish"] = "a card is signed over all its fields with the agent key; parler_register merges, signs and publishes it",
        ["blobs.upload"] = "a raw byte stream; parler_push and parler_send_file upload for you",
        ["blobs.download"] = "a raw byte stream; parler_apply and parler_fetch download it and check its hash for you",
        ["bundles.post"] = "signed over a bundle uploaded first; parler_push builds, uploads and posts it",
        ["files.post"] = "signed over a file uploaded first; parler_send_file uploads and posts it",
        ["console.page"] = "the web console is for a person's browser",
        ["console.asset"] = "the web console is for a person's browser",
        ["console.signin"] = "the web console's sign-in exchange, for a person's browser",
        ["console.session"] = "the web console's own call, made with its cookie",
        ["console.link"] = "a sign-in link is a secret for a person; 'parler console' mints it",
        ["viewers.create"] = "a viewer link is a secret for a person; 'parler session watch' mints it",
        ["viewers.list"] = "viewer links are for people; 'parler session viewers' lists them",
        ["jobs.list"] = "the web console's queue view; parler_job reads one job",
        ["files.list"] = "the web console's file list; parler_recv shows each file as it is shared",
    };

    /// <summary>Input fields the tool fills itself, so the model never sees them.</summary>
    public static readonly IReadOnlySet<string> ClientFilled = new HashSet<string>(StringComparer.Ordinal) { "nonce", "signature" };

    /// <summary>Route parameters a tool makes optional (it does something sensible without them).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Optional = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["messages.read"] = ["room"],
    };

    /// <summary>Writes whose repeat with the same arguments must have one effect: the key is derived from the arguments.</summary>
    public static readonly IReadOnlySet<string> DerivedKey = new HashSet<string>(StringComparer.Ordinal) { "tasks.status", "jobs.complete" };

    /// <summary>Actions whose effect is final for someone: a denial, a removal, a departure, a revoked invite.</summary>
    public static readonly IReadOnlySet<string> Final = new HashSet<string>(StringComparer.Ordinal)
    {
        "requests.deny", "members.remove", "rooms.leave", "invites.revoke",
    };

    /// <summary>Tools that combine actions or work locally (git, files) around them.</summary>
    public static readonly IReadOnlyList<CompositeSpec> Composites =
    [
        new("session.open", ["rooms.create", "messages.post", "invites.mint"], ["topic", "context", "approval", "ttl_seconds", "max_uses"], ["topic", "context"], ReadOnly: false),
        new("session.join", ["invites.redeem", "messages.read"], ["key", "wait"], [], ReadOnly: false),
        new("send", ["messages.post", "dms.open", "jobs.enqueue"], ["room", "to", "service", "body"], ["body"], ReadOnly: false),
        new("card.register", ["cards.publish"], ["role", "description", "tags", "skills", "visibility"], [], ReadOnly: false),
        new("push", ["bundles.post", "blobs.upload"], ["room", "ref", "base", "note"], ["room"], ReadOnly: false),
        new("apply", ["blobs.download"], ["blob"], ["blob"], ReadOnly: false),
        new("send_file", ["files.post", "blobs.upload"], ["room", "path", "name", "note"], ["room", "path"], ReadOnly: false),
        new("fetch", ["blobs.download"], ["blob", "output", "force"], ["blob"], ReadOnly: false),
    ];
}
