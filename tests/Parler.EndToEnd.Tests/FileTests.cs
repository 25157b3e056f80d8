using System.Text.RegularExpressions;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>send-file and fetch: hash-checked downloads, peer names that never become paths, members only.</summary>
public sealed partial class FileTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task SendFileFetch_Member_GetsIdenticalBytesAndNeverOverwritesWithoutForce()
    {
        var team = await fixture.TeamAsync();
        var source = fixture.ScratchPath("design.pdf");
        await File.WriteAllBytesAsync(source, [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7))]);
        var sent = await team.Alice.RunOkAsync("send-file", "--room", "team", source, "--note", "the diagram");
        var blob = BlobId().Match(sent.Out).Value;

        var received = await team.Bob.RunOkAsync("recv", "--room", "team");
        received.Out.ShouldContain("sent file 'design.pdf' (application/pdf, 293 KB): the diagram");
        received.Out.ShouldContain("blob " + blob);

        var folder = Directory.CreateDirectory(fixture.ScratchPath("bob-download")).FullName;
        await team.Bob.RunInAsync(folder, "fetch", blob, "-o", "./design.pdf");
        (await File.ReadAllBytesAsync(Path.Combine(folder, "design.pdf"))).ShouldBe(await File.ReadAllBytesAsync(source));
        var again = await team.Bob.RunInAsync(folder, "fetch", blob, "-o", "./design.pdf");
        again.ExitCode.ShouldBe(1, again.ToString());
        again.Error.ShouldContain("--force");
        (await team.Bob.RunInAsync(folder, "fetch", blob, "-o", "./design.pdf", "--force")).ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("../../x", "x")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("C:\\x", "x")]
    [InlineData("..", "download")]
    public async Task Fetch_HostileFileName_LandsAsSafeNameInsideOutputFolder(string hostile, string safe)
    {
        var team = await fixture.TeamAsync();
        var source = fixture.ScratchPath($"hostile-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(source, "payload " + hostile);
        var blob = BlobId().Match((await team.Alice.RunOkAsync("send-file", "--room", "team", source, "--name", hostile)).Out).Value;

        var root = Directory.CreateDirectory(fixture.ScratchPath($"root-{Guid.NewGuid():N}")).FullName;
        var inside = Directory.CreateDirectory(Path.Combine(root, "a", "b", "out")).FullName;
        var fetched = await team.Bob.RunInAsync(inside, "fetch", blob);
        fetched.ExitCode.ShouldBe(0, fetched.ToString());
        Directory.GetFiles(inside).Select(Path.GetFileName).ShouldBe([safe]);
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length.ShouldBe(1);

        var other = Directory.CreateDirectory(Path.Combine(root, "other")).FullName;
        (await team.Bob.RunOkAsync("fetch", blob, "-o", other + "/")).Out.ShouldContain(Path.Combine(other, safe));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(1_000_000)]
    public async Task Fetch_BlobAlteredInHubStore_RefusedAndNothingWritten(int size)
    {
        var team = await fixture.TeamAsync();
        var source = fixture.ScratchPath($"tamper-{size}");
        await File.WriteAllBytesAsync(source, new byte[size]);
        var blob = BlobId().Match((await team.Alice.RunOkAsync("send-file", "--room", "team", source, "--name", $"zeros-{size}.bin")).Out).Value;
        await BlobTampering.FlipLastByteAsync(fixture, blob);

        var folder = Directory.CreateDirectory(fixture.ScratchPath($"tamper-out-{size}")).FullName;
        var refused = await team.Bob.RunInAsync(folder, "fetch", blob);
        refused.ExitCode.ShouldNotBe(0, refused.ToString());
        refused.Error.ShouldContain(blob);
        refused.Error.ShouldContain("nothing was");
        Directory.GetFileSystemEntries(folder).ShouldBeEmpty();
    }

    [Fact]
    public async Task Fetch_NonMember_RefusedLikeAMissingBlob()
    {
        var team = await fixture.TeamAsync();
        var source = fixture.ScratchPath("secret.txt");
        await File.WriteAllTextAsync(source, "members only");
        var blob = BlobId().Match((await team.Alice.RunOkAsync("send-file", "--room", "team", source)).Out).Value;

        var carol = fixture.Agent("carol");
        var folder = Directory.CreateDirectory(fixture.ScratchPath("carol")).FullName;
        var refused = await carol.RunInAsync(folder, "fetch", blob);
        refused.ExitCode.ShouldBe(5, refused.ToString());
        refused.Error.ShouldContain("No blob");
        Directory.GetFileSystemEntries(folder).ShouldBeEmpty();
    }

    [GeneratedRegex("(?<=blob )[0-9a-f]{64}")]
    private static partial Regex BlobId();
}
