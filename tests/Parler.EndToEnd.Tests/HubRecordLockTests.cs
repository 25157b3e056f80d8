using Parler.EndToEnd.Tests.Harness;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests;

/// <summary>One hub per SQLite record: a second is refused naming the first, and 'parler hub stop' stops the one serving it.</summary>
[Trait("Category", "NoHub")]
public sealed class HubRecordLockTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("parler-record-lock-");

    [Fact]
    public async Task SecondHub_SameSqliteRecord_IsRefusedNamingTheFirst()
    {
        var record = Path.Combine(_folder.FullName, "hub.db");
        await using var first = await HubProcess.StartAsync(Path.Combine(_folder.FullName, "first"), FreePort.Pick(), record);

        await using var second = ChildProcess.Start(
            ParlerCli.Executable, ["hub", "--addr", $"127.0.0.1:{FreePort.Pick()}", "--db", record],
            new Dictionary<string, string?> { ["PARLER_HOME"] = Path.Combine(_folder.FullName, "second"), ["NO_COLOR"] = "1" });

        (await second.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(1, second.Transcript());
        second.Errors.ShouldContain(line => line.Contains($"another hub (pid {first.Process.Id}) serves this record", StringComparison.Ordinal));
        first.Process.HasExited.ShouldBeFalse();
    }

    [Fact]
    public async Task HubStop_RecordServed_StopsThatHubAndFreesTheRecord()
    {
        var record = Path.Combine(_folder.FullName, "hub.db");
        var home = Path.Combine(_folder.FullName, "home");
        var environment = new Dictionary<string, string?> { ["PARLER_HOME"] = home, ["NO_COLOR"] = "1" };
        await using var hub = await HubProcess.StartAsync(home, FreePort.Pick(), record);

        await using var stop = ChildProcess.Start(ParlerCli.Executable, ["hub", "stop", "--db", record], environment);

        (await stop.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, stop.Transcript());
        stop.Errors.ShouldContain(line => line.Contains($"stopped the hub (pid {hub.Process.Id})", StringComparison.Ordinal));
        (await hub.Process.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, hub.Process.Transcript());
        await using var again = await HubProcess.StartAsync(home, FreePort.Pick(), record);
        again.Process.HasExited.ShouldBeFalse();
    }

    [Fact]
    public async Task AnyCommand_ConfiguredLocalHubDown_StartsItAndSucceeds()
    {
        var home = Path.Combine(_folder.FullName, "local");
        var hub = $"http://127.0.0.1:{FreePort.Pick()}";
        var cli = new ParlerCli(home, hub, "alice");
        await (await HubProcess.StartAsync(home, new Uri(hub).Port, Path.Combine(home, "hub.db"))).DisposeAsync();

        try
        {
            var rooms = await cli.RunAsync("rooms");

            rooms.ExitCode.ShouldBe(0, rooms.ToString());
            rooms.ErrorLines.ShouldContain(line => line.Contains("the local hub was down; started it again", StringComparison.Ordinal));
        }
        finally
        {
            (await cli.RunAsync("hub", "stop")).ExitCode.ShouldBe(0);
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
