using System.Text.RegularExpressions;
using ModelContextProtocol;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.Mcp.Tests.Tools;

/// <summary>The push, apply, send_file and fetch tools, each working only in its own folder.</summary>
public sealed partial class BlobToolTests(McpHarness harness) : IClassFixture<McpHarness>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-mcp-blobs-").FullName;

    [Fact]
    public async Task PushApply_ThroughTools_ImportsUnderRefsParlerAndLeavesHeadAlone()
    {
        var origin = GitRepo.Init(Path.Combine(_folder, "origin"));
        origin.Commit("a.txt", "a\n", "start");
        var a = GitRepo.Clone(origin.Path, Path.Combine(_folder, "a"));
        var b = GitRepo.Clone(origin.Path, Path.Combine(_folder, "b"));
        var tip = a.Commit("a.txt", "b\n", "change");
        var (alice, bob) = await TeamAsync("code-team", a.Path, b.Path);

        var reply = await alice.ReplyAsync("parler_push", new { room = "code-team", @base = "origin/main", note = "review please" });
        var pushed = reply.Text;
        var blob = BlobId().Match(pushed).Value;
        reply.Data!["blob"]!.GetValue<string>().ShouldBe(blob);
        pushed.ShouldContain("parler_apply");
        var read = await bob.CallAsync("parler_recv", new { room = "code-team" });
        read.ShouldMatch($@"bundle from ""alice""[^\n]*: blob {blob} \(import it with parler_apply\)\n<<peer-content [^\n]*verified[^\n]*>>\nref refs/heads/main @ {tip}, since origin/main, [^\n]*\nnote: review please\n");

        var before = b.Snapshot();
        var applied = await bob.CallAsync("parler_apply", new { blob });
        applied.ShouldContain($"refs/parler/{blob[..12]}/heads/main -> {tip}");
        applied.ShouldMatch($@"<<peer-content id=\S+ from=""the bundle's commit messages"">>\n  {tip[..12]} change\n<</peer-content");
        b.Git("rev-parse", $"refs/parler/{blob[..12]}/heads/main").Trim().ShouldBe(tip);
        b.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task SendFileFetch_ThroughTools_WritesSafeNameInItsFolderAndRefusesToOverwrite()
    {
        var sendFolder = Directory.CreateDirectory(Path.Combine(_folder, "send")).FullName;
        var fetchFolder = Directory.CreateDirectory(Path.Combine(_folder, "parler_fetch")).FullName;
        await File.WriteAllTextAsync(Path.Combine(sendFolder, "plan.md"), "the plan");
        var (alice, bob) = await TeamAsync("file-team", sendFolder, fetchFolder);

        var reply = await alice.ReplyAsync("parler_send_file", new { room = "file-team", path = "plan.md", name = "../../plan.md" });
        var blob = BlobId().Match(reply.Text).Value;
        reply.Data!["blob"]!.GetValue<string>().ShouldBe(blob);
        reply.Data["seq"]!.GetValue<long>().ShouldBeGreaterThan(0);
        (await bob.CallAsync("parler_fetch", new { blob })).ShouldContain(Path.Combine(fetchFolder, "plan.md"));
        (await File.ReadAllTextAsync(Path.Combine(fetchFolder, "plan.md"))).ShouldBe("the plan");

        var refused = await Should.ThrowAsync<McpException>(() => bob.CallAsync("parler_fetch", new { blob }));
        refused.Message.ShouldContain("already exists");
        await Should.ThrowAsync<McpException>(() => bob.CallAsync("parler_fetch", new { blob = "not-a-blob" }));
    }

    private async Task<(McpHarness.Agent Alice, McpHarness.Agent Bob)> TeamAsync(string room, string aliceFolder, string bobFolder)
    {
        var alice = harness.For("alice", folder: aliceFolder);
        var bob = harness.For("bob", folder: bobFolder);
        var invite = await alice.CallAsync("parler_invite", new { room });
        await bob.CallAsync("parler_join", new { code = Regex.Match(invite, "\"code\":\"(\\w+)\"").Groups[1].Value });
        return (alice, bob);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("(?<=blob )[0-9a-f]{64}")]
    private static partial Regex BlobId();
}
