using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>Two hubs on one PostgreSQL database keep blobs in it: each serves the other's, and killing one loses none.</summary>
[Trait("Category", "Postgres")]
public sealed partial class MultiHubBlobTests(PostgresHubFixture fixture) : IClassFixture<PostgresHubFixture>
{
    [Fact]
    public async Task SendFile_OnHubOne_FetchedOnHubTwoAlsoAfterHubOneIsKilled()
    {
        var second = await fixture.AddHubAsync();
        var team = await fixture.TeamAsync(bobsHub: second.Url);
        var source = fixture.ScratchPath("across.bin");
        await File.WriteAllBytesAsync(source, RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 777));
        var blob = BlobId().Match((await team.Alice.RunOkAsync("send-file", "--room", "team", source)).Out).Value;

        var before = Directory.CreateDirectory(fixture.ScratchPath("before")).FullName;
        await team.Bob.RunInAsync(before, "fetch", blob);
        await fixture.Hub.KillAsync();
        var after = Directory.CreateDirectory(fixture.ScratchPath("after")).FullName;
        var fetched = await team.Bob.RunInAsync(after, "fetch", blob);

        fetched.ExitCode.ShouldBe(0, fetched.ToString());
        var sent = await File.ReadAllBytesAsync(source);
        (await File.ReadAllBytesAsync(Path.Combine(before, "across.bin"))).ShouldBe(sent);
        (await File.ReadAllBytesAsync(Path.Combine(after, "across.bin"))).ShouldBe(sent);
    }

    [GeneratedRegex("(?<=blob )[0-9a-f]{64}")]
    private static partial Regex BlobId();
}
