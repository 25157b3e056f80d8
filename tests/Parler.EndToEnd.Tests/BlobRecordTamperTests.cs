using System.Text.RegularExpressions;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>A blob changed in the PostgreSQL record is refused whichever chunk was changed, and nothing is written.</summary>
[Trait("Category", "Postgres")]
public sealed partial class BlobRecordTamperTests(PostgresHubFixture fixture) : IClassFixture<PostgresHubFixture>
{
    [Fact]
    public async Task Fetch_FirstOfThreeChunksAlteredInTheRecord_RefusedAndNothingWritten()
    {
        var team = await fixture.TeamAsync();
        var source = fixture.ScratchPath("three-chunks.bin");
        await File.WriteAllBytesAsync(source, new byte[2 * 1024 * 1024 + 5]);
        var blob = BlobId().Match((await team.Alice.RunOkAsync("send-file", "--room", "team", source)).Out).Value;
        await BlobTampering.FlipFirstByteInRecordAsync(fixture, blob);

        var folder = Directory.CreateDirectory(fixture.ScratchPath("out")).FullName;
        var refused = await team.Bob.RunInAsync(folder, "fetch", blob);

        refused.ExitCode.ShouldNotBe(0, refused.ToString());
        refused.Error.ShouldContain(blob);
        refused.Error.ShouldContain("nothing was");
        Directory.GetFileSystemEntries(folder).ShouldBeEmpty();
    }

    [GeneratedRegex("(?<=blob )[0-9a-f]{64}")]
    private static partial Regex BlobId();
}
