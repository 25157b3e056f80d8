using Parler.EndToEnd.Tests.Harness;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests;

/// <summary>
/// 'parler hub stop' stops the hub you mean: every hub, SQLite or PostgreSQL, wherever its record is, names itself under
/// the parler home by its address; with several running and none named, the command lists them and stops nothing.
/// </summary>
[Trait("Category", "NoHub")]
public sealed class HubStopTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("parler-hub-stop-");

    private string Home => Path.Combine(_folder.FullName, "home");

    [Fact]
    public async Task HubStop_TwoSqliteHubsWithRecordsElsewhere_ListsThenStopsTheOneMeant()
    {
        var (firstPort, secondPort, idlePort) = (FreePort.Pick(), FreePort.Pick(), FreePort.Pick());
        await using var first = await HubProcess.StartAsync(Home, firstPort, Path.Combine(_folder.FullName, "a", "first.db"));
        await using var second = await HubProcess.StartAsync(Home, secondPort, Path.Combine(_folder.FullName, "b", "second.db"));

        var unclear = await StopAsync($"http://127.0.0.1:{idlePort}");

        unclear.Exit.ShouldBe(5, unclear.Transcript);
        unclear.Transcript.ShouldContain($"parler hub stop --addr 127.0.0.1:{firstPort}");
        unclear.Transcript.ShouldContain($"parler hub stop --addr 127.0.0.1:{secondPort}");
        first.Process.HasExited.ShouldBeFalse();
        second.Process.HasExited.ShouldBeFalse();

        var byAddress = await StopAsync($"http://127.0.0.1:{idlePort}", "--addr", $"127.0.0.1:{firstPort}");

        byAddress.Exit.ShouldBe(0, byAddress.Transcript);
        byAddress.Transcript.ShouldContain($"stopped the hub (pid {first.Process.Id})");
        (await first.Process.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, first.Process.Transcript());
        second.Process.HasExited.ShouldBeFalse();

        var configured = await StopAsync($"http://127.0.0.1:{secondPort}");

        configured.Exit.ShouldBe(0, configured.Transcript);
        (await second.Process.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, second.Process.Transcript());
        Directory.GetFiles(Path.Combine(Home, "hubs"), "*.pid").ShouldBeEmpty();
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task HubStop_TwoPostgresHubsOnOneDatabase_DbIsAmbiguousAddrStopsOne()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var (firstPort, secondPort) = (FreePort.Pick(), FreePort.Pick());
            await using var first = await HubProcess.StartAsync(Home, firstPort, database);
            await using var second = await HubProcess.StartAsync(Home, secondPort, database);
            var configured = $"http://127.0.0.1:{FreePort.Pick()}";

            var ambiguous = await StopAsync(configured, "--db", database);

            ambiguous.Exit.ShouldBe(6, ambiguous.Transcript);
            ambiguous.Transcript.ShouldContain($"--addr 127.0.0.1:{firstPort}");
            ambiguous.Transcript.ShouldContain($"--addr 127.0.0.1:{secondPort}");

            var byAddress = await StopAsync(configured, "--addr", $"localhost:{secondPort}");

            byAddress.Exit.ShouldBe(0, byAddress.Transcript);
            (await second.Process.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, second.Process.Transcript());
            first.Process.HasExited.ShouldBeFalse();

            var byDatabase = await StopAsync(configured, "--db", database);

            byDatabase.Exit.ShouldBe(0, byDatabase.Transcript);
            byDatabase.Transcript.ShouldContain($"stopped the hub (pid {first.Process.Id})");
            (await first.Process.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, first.Process.Transcript());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private async Task<(int Exit, string Transcript)> StopAsync(string configuredHub, params string[] options)
    {
        var environment = new Dictionary<string, string?> { ["PARLER_HOME"] = Home, ["PARLER_HUB"] = configuredHub, ["NO_COLOR"] = "1" };
        await using var stop = ChildProcess.Start(ParlerCli.Executable, ["hub", "stop", .. options], environment);
        var exit = await stop.WaitForExitAsync(ParlerCli.CommandTimeout);
        return (exit, stop.Transcript());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
