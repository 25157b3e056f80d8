using System.Text.RegularExpressions;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>The seed guide's code handoff with real repositories: push a range from A, apply it in B.</summary>
public sealed partial class BundleTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task PushApply_RangeFromRepoA_SameCommitsUnderRefsParlerAndBUntouched()
    {
        var team = await fixture.TeamAsync();
        var origin = GitRepo.Init(fixture.ScratchPath("origin"));
        origin.Commit("README.md", "hello\n", "start");
        var a = GitRepo.Clone(origin.Path, fixture.ScratchPath("a"));
        var b = GitRepo.Clone(origin.Path, fixture.ScratchPath("b"));
        a.Commit("auth.rs", "fn rotate() {}\n", "rotation");
        a.Commit("auth.rs", "fn rotate() { refresh() }\n", "refresh on rotate");
        var expected = a.Git("rev-list", "origin/main..HEAD").Trim();

        var pushed = await team.Alice.RunInAsync(a.Path, "push", "--room", "team", "--base", "origin/main", "--note", "review please");
        pushed.ExitCode.ShouldBe(0, pushed.ToString());
        var blob = BlobId().Match(pushed.Out).Value;
        blob.ShouldNotBeEmpty(pushed.ToString());
        pushed.Out.ShouldContain("2 commits since origin/main");

        var received = await team.Bob.RunOkAsync("recv", "--room", "team");
        received.Out.ShouldContain("pushed bundle refs/heads/main");
        received.Out.ShouldContain("verified");
        received.Out.ShouldContain("review please");
        received.Out.ShouldContain("blob " + blob);

        File.WriteAllText(Path.Combine(b.Path, "README.md"), "work in progress\n");
        File.WriteAllText(Path.Combine(b.Path, "notes.txt"), "untracked\n");
        b.Git("add", "notes.txt");
        var before = b.Snapshot();

        var applied = await team.Bob.RunInAsync(b.Path, "apply", blob);
        applied.ExitCode.ShouldBe(0, applied.ToString());
        var imported = $"refs/parler/{blob[..12]}/heads/main";
        applied.Out.ShouldContain(imported);
        applied.Out.ShouldContain("git merge " + imported);
        b.Git("rev-parse", imported).Trim().ShouldBe(a.Git("rev-parse", "HEAD").Trim());
        b.Git("rev-list", "origin/main.." + imported).Trim().ShouldBe(expected);
        b.Snapshot().ShouldBe(before);

        var again = await team.Bob.RunInAsync(b.Path, "apply", blob);
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Out.ShouldContain("already applied");
        b.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Push_OutsideRepositoryOrEmptyRange_FailsWithWhatToDo()
    {
        var team = await fixture.TeamAsync();
        var outside = Directory.CreateDirectory(fixture.ScratchPath("not-a-repo")).FullName;
        var refused = await team.Alice.RunInAsync(outside, "push", "--room", "team");
        refused.ExitCode.ShouldBe(1, refused.ToString());
        refused.Error.ShouldContain("not inside a git repository");

        var repo = GitRepo.Init(fixture.ScratchPath("empty-range"));
        repo.Commit("a.txt", "a\n", "only");
        var empty = await team.Alice.RunInAsync(repo.Path, "push", "--room", "team", "--base", "HEAD");
        empty.ExitCode.ShouldBe(1, empty.ToString());
        empty.Error.ShouldContain("Nothing to push");

        var applyOutside = await team.Bob.RunInAsync(outside, "apply", new string('a', 64));
        applyOutside.ExitCode.ShouldBe(1, applyOutside.ToString());
        applyOutside.Error.ShouldContain("not inside a git repository");
    }

    [GeneratedRegex("(?<=blob )[0-9a-f]{64}")]
    private static partial Regex BlobId();
}
