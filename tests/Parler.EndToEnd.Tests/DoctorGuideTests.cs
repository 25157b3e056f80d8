using Microsoft.Data.Sqlite;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>'parler doctor' with the built binary, right after the guide's set-up line and after the record is tampered with.</summary>
[Trait("Category", "NoHub")]
public sealed class DoctorGuideTests : IAsyncLifetime
{
    private readonly GuideHome _home = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _home.DisposeAsync();

    [Fact]
    public async Task Doctor_RightAfterConnect_PassesVerifyingTheChainsAndNamingEachWakePath()
    {
        (await _home.RunAsync("connect")).ExitCode.ShouldBe(0);

        var doctor = await _home.RunAsync("doctor");

        doctor.ExitCode.ShouldBe(0, doctor.ToString());
        doctor.Out.ShouldNotContain("FAIL");
        doctor.Out.ShouldContain("every hash chain verified");
        doctor.Out.ShouldContain("ok   Cursor wake path: waiting read");
        doctor.Out.ShouldContain("note identity: no CLI identity yet");
    }

    [Fact]
    public async Task Doctor_RoomFactRewrittenInPlace_FailsNamingTheBrokenChain()
    {
        (await _home.RunAsync("connect")).ExitCode.ShouldBe(0);
        (await _home.RunAsync("invite", "--group", "crew")).ExitCode.ShouldBe(0);
        (await _home.RunAsync("hub", "stop")).ExitCode.ShouldBe(0);
        var record = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_home.ParlerHome, "hub.db"), Pooling = false }.ToString();
        await using (var connection = new SqliteConnection(record))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText =
                "DROP TRIGGER IF EXISTS facts_no_update; UPDATE facts SET data = json_set(data, '$.name', 'forged') WHERE rowid = (SELECT MAX(rowid) FROM facts);";
            (await tamper.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var doctor = await _home.RunAsync("doctor");

        doctor.ExitCode.ShouldBe(1, doctor.ToString());
        doctor.Out.ShouldContain("FAIL record:");
        doctor.Out.ShouldContain("hub check");
    }
}
