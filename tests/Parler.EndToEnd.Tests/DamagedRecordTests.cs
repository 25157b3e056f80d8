using System.Net;
using System.Text.Json.Nodes;
using Parler.EndToEnd.Tests.Harness;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests;

/// <summary>
/// Damage is told, never served: a hub refuses a record whose WAL or database was cut, garbled, emptied or deleted, with a
/// message that says what to do and no stack trace; <c>--new</c> accepts a fresh record; <c>parler hub check</c> tells.
/// </summary>
public sealed class DamagedRecordTests : IDisposable
{
    private const int Messages = 40;
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-e2e-damage-").FullName;

    private string Home => Path.Combine(_folder, "hub");

    private string Database => Path.Combine(_folder, "record", "hub.db");

    [Fact]
    public async Task Hub_WalCutAfterCrash_RefusedAsAcknowledgedFactsMissing()
    {
        await using (var hub = await RecordAsync())
        {
            await LiveAgents.PollUntilAsync(() => MarkedFacts() >= Messages, TimeSpan.FromSeconds(30), () => "the committed-facts mark beside the record");
            await hub.KillAsync();
        }

        var wal = new FileInfo(Database + "-wal");
        wal.Length.ShouldBeGreaterThan(100_000, "the killed hub's commits should still be in its WAL");
        using (var cut = new FileStream(wal.FullName, FileMode.Open))
        {
            cut.SetLength(wal.Length / 3);
        }

        var refused = await RefusedAsync();
        refused.ShouldContain("acknowledged facts are missing");
        refused.ShouldContain("--new");
        await CheckAsync(expectSound: false, "acknowledged facts are missing");
    }

    [Fact]
    public async Task Hub_DatabaseCut_RefusedAsDamaged()
    {
        await StoppedRecordAsync();
        using (var cut = new FileStream(Database, FileMode.Open))
        {
            cut.SetLength(cut.Length / 2);
        }

        (await RefusedAsync()).ShouldContain("is damaged");
        await CheckAsync(expectSound: false, "damaged");
    }

    [Fact]
    public async Task Hub_DatabaseGarbled_RefusedAsDamaged()
    {
        await StoppedRecordAsync();
        using (var garble = new FileStream(Database, FileMode.Open))
        {
            var noise = new byte[garble.Length / 2];
            new Random(15).NextBytes(noise);
            garble.Position = garble.Length / 4;
            garble.Write(noise);
        }

        (await RefusedAsync()).ShouldContain("is damaged");
        await CheckAsync(expectSound: false, "damaged");
    }

    [Fact]
    public async Task Hub_DatabaseEmptied_RefusedUnlessNew()
    {
        var oldId = await StoppedRecordAsync();
        using (var empty = new FileStream(Database, FileMode.Open))
        {
            empty.SetLength(0);
        }

        (await RefusedAsync()).ShouldContain("is empty (zero length)");
        await CheckAsync(expectSound: false, "empty");
        await using var fresh = await StartAsync("--new");
        using var api = new HubApi(fresh.Url);
        (await api.GetAsync("/v1")).Json["hub_id"]!.GetValue<string>().ShouldNotBe(oldId);
    }

    [Fact]
    public async Task Hub_DatabaseDeleted_RefusedUnlessNew()
    {
        await StoppedRecordAsync();
        foreach (var file in new[] { Database, Database + "-wal", Database + "-shm" })
        {
            File.Delete(file);
        }

        (await RefusedAsync()).ShouldContain("is missing");
        await using var fresh = await StartAsync("--new");
        await fresh.InterruptAsync();
        (await fresh.Process.WaitForExitAsync(Exit)).ShouldBe(0);
        await using var again = await StartAsync();
        await CheckAsync(expectSound: true, "ok:");
    }

    [Fact]
    public async Task HubCheck_SoundRecord_VerifiesEveryChainExit0()
    {
        await StoppedRecordAsync();
        var check = await CheckAsync(expectSound: true, "every hash chain verified");
        check.ShouldContain($"2 streams, {Messages + 4} facts");
    }

    [Fact]
    public async Task HubCheck_FactAlteredEarlyInStream_StartSamplesTheTailCheckFindsIt()
    {
        await StoppedRecordAsync();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                DROP TRIGGER facts_no_update;
                UPDATE facts SET data = json_set(data, '$.body', 'rewritten') WHERE type = 'message.posted' AND seq = 5;
                """;
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await CheckAsync(expectSound: false, "fact #5 was altered");
        await using var hub = await StartAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A hub on a fresh record with a room of <see cref="Messages"/> messages; returns it running.</summary>
    private async Task<HubProcess> RecordAsync()
    {
        var hub = await StartAsync();
        using var alice = await HubApi.SignInAsync(new ParlerCli(Path.Combine(_folder, "alice"), hub.Url, "alice"));
        var created = await alice.PostAsync("/v1/rooms", new JsonObject { ["name"] = "kept" });
        created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var room = created.Json["id"]!.GetValue<string>();
        for (var i = 0; i < Messages; i++)
        {
            (await alice.PostMessageAsync(room, $"kept-{i} {new string('x', 2000)}", $"k-{i}")).Status.ShouldBe(HttpStatusCode.Created);
        }

        return hub;
    }

    /// <summary>A record written and closed cleanly (checkpointed into the database file); returns its hub id.</summary>
    private async Task<string> StoppedRecordAsync()
    {
        await using var hub = await RecordAsync();
        using var api = new HubApi(hub.Url);
        var id = (await api.GetAsync("/v1")).Json["hub_id"]!.GetValue<string>();
        await hub.InterruptAsync();
        (await hub.Process.WaitForExitAsync(Exit)).ShouldBe(0, hub.Process.Transcript());
        return id;
    }

    private Task<HubProcess> StartAsync(params string[] extra) =>
        HubProcess.StartAsync(Home, FreePort.Pick(), Database, extra);

    /// <summary>Starts a hub that must refuse the record: exit 1, one message on stderr, no stack trace; returns the message.</summary>
    private async Task<string> RefusedAsync()
    {
        await using var hub = ChildProcess.Start(
            ParlerCli.Executable, ["hub", "--addr", $"127.0.0.1:{FreePort.Pick()}", "--db", Database], Environment());
        (await hub.WaitForExitAsync(Exit)).ShouldBe(1, hub.Transcript());
        hub.Output.ShouldBeEmpty(hub.Transcript());
        hub.Errors.ShouldNotContain(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal), hub.Transcript());
        hub.Errors.ShouldNotContain(l => l.Contains("Exception", StringComparison.Ordinal), hub.Transcript());
        return string.Join('\n', hub.Errors);
    }

    private async Task<string> CheckAsync(bool expectSound, string expected)
    {
        await using var check = ChildProcess.Start(ParlerCli.Executable, ["hub", "check", "--db", Database], Environment());
        (await check.WaitForExitAsync(Exit)).ShouldBe(expectSound ? 0 : 1, check.Transcript());
        var text = string.Join('\n', check.Output);
        text.ShouldContain(expected, Case.Sensitive, check.Transcript());
        return text;
    }

    private long MarkedFacts()
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(Database + ".hub-id"))!["facts"]!.GetValue<long>();
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException)
        {
            return 0;
        }
    }

    private Dictionary<string, string?> Environment() => new() { ["PARLER_HOME"] = Home, ["NO_COLOR"] = "1" };
}
