using System.Text;
using Parler.Client.Git;
using Parler.Core.Facts;

namespace Parler.Client.Blobs;

/// <summary>What push, apply, send-file and fetch tell the user, worded once for the CLI and the MCP tools.</summary>
internal static class HandoffReport
{
    public static string Pushed(BundlePush.Result result, string room) =>
        $"pushed {result.Ref} @ {result.Tip[..12]} ({result.Commits} commit{(result.Commits == 1 ? "" : "s")}" +
        $"{(result.Base is null ? ", whole history" : " since " + result.Base)}, {BlobBody.Size(result.Size)}) to {room} as #{result.Posted.Seq}\n" +
        $"blob {result.Posted.Blob}\n" +
        $"the peer imports it with: parler apply {result.Posted.Blob}";

    /// <summary>The commit subjects are the peer's words: <paramref name="frame"/> (the MCP server's peer-content frame) wraps them.</summary>
    public static string Applied(BundleApply.Result result, Func<string, string>? frame = null)
    {
        var text = new StringBuilder()
            .Append(result.AlreadyApplied ? "already applied" : "applied").Append(" bundle ").Append(result.Blob)
            .Append(" (SHA-256 verified, git bundle verify ok)\n");
        foreach (var head in result.Refs)
        {
            text.Append("  ").Append(head.Name).Append(" -> ").Append(head.Commit).Append("  (their ").Append(PeerText.Visible(head.BundleRef)).Append(")\n");
        }

        text.Append(result.Commits.Count == 0 ? "no commits that your HEAD lacks\n" : $"commits your HEAD does not have ({result.Commits.Count}{(result.Commits.Count >= 50 ? "+" : "")}):\n");
        var commits = string.Join('\n', result.Commits.Select(c => $"  {c[..12]} {(c.Length > 41 ? c[41..] : "")}"));
        if (commits.Length > 0)
        {
            text.Append(frame is null ? PeerText.Visible(commits, "\n") : frame(commits)).Append('\n');
        }

        var first = result.Refs[0].Name;
        return text.Append("inspect: git log -p HEAD..").Append(first).Append('\n')
            .Append("merge (when you decide to): git merge ").Append(first).Append('\n')
            .Append("your HEAD, index and working tree are untouched.").ToString();
    }

    public static string Sent(FileHandoff.Sent sent, string room) =>
        $"sent file {PeerText.Visible(sent.Name)} ({sent.MediaType}, {BlobBody.Size(sent.Size)}) to {room} as #{sent.Posted.Seq}\n" +
        $"blob {sent.Posted.Blob}\n" +
        $"the peer fetches it with: parler fetch {sent.Posted.Blob}";

    public static string Fetched(string hash, string path, long size) =>
        $"fetched {hash} (SHA-256 verified, {BlobBody.Size(size)}) to {path}";
}
