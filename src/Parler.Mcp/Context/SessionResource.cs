using System.Text;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Parler.Mcp.Hub;
using Parler.Mcp.Live;
using Parler.Mcp.Output;
using Parler.Mcp.Session;
using Parler.Mcp.Tools;

namespace Parler.Mcp.Context;

/// <summary>
/// <c>parler://session</c>: the session this server is in (opened here, or joined with PARLER_SESSION_KEY), with its
/// recent context framed as peer content. Reading it never moves the cursor; parler_recv does that.
/// </summary>
internal sealed class SessionResource(HubConnection hub, SessionState session, KnockDesk knocks) : McpServerResource
{
    public const string Uri = "parler://session";

    private const int RecentFacts = 50;

    public override ResourceTemplate ProtocolResourceTemplate { get; } = new()
    {
        UriTemplate = Uri,
        Name = "session",
        Title = "Parler session",
        Description = "The session this agent is in, as host or guest: its status and, once in, its most recent facts with peer text framed as peer content. Reading does not move your cursor.",
        MimeType = "text/plain",
    };

    public override IReadOnlyList<object> Metadata => [];

    public override bool IsMatch(string uri) => string.Equals(uri, Uri, StringComparison.Ordinal);

    public override async ValueTask<ReadResourceResult> ReadAsync(
        RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        var current = session.Current;
        var text = current switch
        {
            { Status: SessionStatus.Host or SessionStatus.Approved, RoomId: { } roomId } => await RecentAsync(current, roomId, cancellationToken),
            { Status: SessionStatus.Pending } => $"pending: knocked on session {PeerContent.Quote(current.RoomName ?? "")} ({current.RoomId}); the host has not approved yet. parler_join_session checks again.",
            { Status: SessionStatus.Knocking } => "knocking: this server was started with a session key and has not had an answer from the hub yet; parler_join_session tries now.",
            { Status: SessionStatus.Refused } => $"refused: {current.Detail}",
            _ => "No session: open one with parler_open_session, or start this server with PARLER_SESSION_KEY to join one.",
        };
        var waiting = knocks.Pending;
        if (waiting.Count > 0)
        {
            text = "Waiting for your person's decision: " + string.Join(" ", waiting.Select(k => $"{k.Question} (room {k.RoomId}, agent {k.AgentId})")) +
                " Admit only on their answer, with parler_approve_join; turn away with parler_deny_join.\n" + text;
        }

        return new ReadResourceResult { Contents = [new TextResourceContents { Uri = Uri, MimeType = "text/plain", Text = text }] };
    }

    private Task<string> RecentAsync(SessionSnapshot current, string roomId, CancellationToken cancellationToken) =>
        hub.RunAsync(
            async client =>
            {
                var head = (await client.ReadAsync(roomId, 0, null, 1, cancellationToken)).Head;
                var after = Math.Max(0, head - RecentFacts);
                var recent = await client.ReadAsync(roomId, after, null, RecentFacts, cancellationToken);
                var output = new StringBuilder()
                    .Append(current.Status == SessionStatus.Host ? "hosting" : "in").Append(" session ").Append(PeerContent.Quote(current.RoomName ?? ""))
                    .Append(" (").Append(roomId).Append("); ").Append(after == 0 ? "all of it" : $"the last {RecentFacts} facts of {head}").Append(":\n");
                var transcript = await RoomTranscript.OpenAsync(client, roomId, cancellationToken);
                await transcript.RenderAsync(recent.Events, output, cancellationToken);
                return output.ToString().TrimEnd('\n');
            },
            cancellationToken);
}
