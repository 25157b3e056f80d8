using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Parler.Cli.Commands;
using Parler.Cli.Connect;
using Parler.Client;

namespace Parler.Cli.Tests.Connect;

/// <summary>Hubs that <c>connect</c> (and <c>parler mcp</c>) start in the background, as real processes; each test stops the one it caused.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackgroundHubTests : IDisposable
{
    private readonly SampleHome _home = new(everyHost: false);

    public void Dispose()
    {
        StopHub();
        _home.Dispose();
    }

    private string Record => Path.Combine(_home.ParlerHome, "hub.db");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void StopHub()
    {
        if (RecordLock.Holder(Record) is { } pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    [Fact]
    public async Task Connect_NoHubRunning_StartsOneAndAnAgentStartsItAgainOnDemand()
    {
        var hub = $"http://127.0.0.1:{FreePort()}";

        var result = await CliHarness.RunWithAsync(_home.Environment(hub), "connect");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldContain($"hub: started {hub} in the background");
        (await LocalHub.AnswersAsync(new Uri(hub), CancellationToken.None)).ShouldBeTrue();
        File.Exists(Path.Combine(_home.ParlerHome, "hub.db")).ShouldBeTrue();
        StopHub();
        (await LocalHub.AnswersAsync(new Uri(hub), CancellationToken.None)).ShouldBeFalse();

        // Two agents find the hub down at the same moment: one starts it, both get in.
        using var cursor = HostedMcp.Start(ConfigFile.ReadEntry(_home.Host("cursor"))!, _home.Root);
        using var codex = HostedMcp.Start(ConfigFile.ReadEntry(_home.Host("codex"))!, _home.Root);
        var answers = await Task.WhenAll(cursor.WhoAmIAsync(), codex.WhoAmIAsync());

        foreach (var answer in answers)
        {
            answer["result"]!["isError"]?.GetValue<bool>().ShouldNotBe(true, answer.ToJsonString());
        }

        RecordLock.Holder(Record).ShouldNotBeNull();
        using (var started = Process.GetProcessById(RecordLock.Holder(Record)!.Value))
        {
            started.HasExited.ShouldBeFalse();
        }

        (await LocalHub.AnswersAsync(new Uri(hub), CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task ConnectTeam_StartsATlsHubAgentsReachWithThePinAndTheSecretFile()
    {
        var port = FreePort();

        var result = await CliHarness.RunWithAsync(_home.Environment(null), "connect", "--team", "--addr", $"127.0.0.1:{port}");

        result.ExitCode.ShouldBe(0, result.ToString());
        var secret = File.ReadAllText(HubMode.SecretPath(_home.ParlerHome)).Trim();
        File.GetUnixFileMode(HubMode.SecretPath(_home.ParlerHome)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        result.Error.ShouldContain("Teammates run:");
        result.Error.ShouldContain($"parler connect --hub 'https://127.0.0.1:{port}#sha256=");
        if (Console.IsErrorRedirected)
        {
            result.Out.ShouldNotContain(secret);
            result.Error.ShouldNotContain(secret);
        }

        var entry = ConfigFile.ReadEntry(_home.Host("codex"))!;
        entry.EnvValue("PARLER_HUB")!.ShouldStartWith($"https://127.0.0.1:{port}#sha256=");
        string.Concat(entry.Env.Select(e => e.Value)).ShouldNotContain(secret);
        var agentHome = entry.EnvValue("PARLER_HOME")!;
        JoinSecretFile.Read(agentHome, new Uri(entry.EnvValue("PARLER_HUB")!)).ShouldBe(secret);
        JoinSecretFile.Read(agentHome, new Uri("https://elsewhere.example:7443")).ShouldBeNull();
        File.GetUnixFileMode(JoinSecretFile.PathFor(agentHome)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        using var agent = HostedMcp.Start(entry, _home.Root);
        var answer = await agent.WhoAmIAsync();

        answer["result"]!["isError"]?.GetValue<bool>().ShouldNotBe(true, answer.ToJsonString());
        answer.ToJsonString().ShouldNotContain(secret);

        // A teammate runs the printed line (here on the same machine, in a HOME of their own).
        using var teammate = new SampleHome(everyHost: false);
        var teamHub = entry.EnvValue("PARLER_HUB")!;
        var environment = teammate.Environment(null);
        environment["PARLER_JOIN_SECRET"] = secret;
        var joined = await CliHarness.RunWithAsync(environment, "connect", "--hub", teamHub);
        joined.ExitCode.ShouldBe(0, joined.ToString());
        using var theirs = HostedMcp.Start(ConfigFile.ReadEntry(teammate.Host("zed"))!, teammate.Root);
        var theirAnswer = await theirs.WhoAmIAsync();
        theirAnswer["result"]!["isError"]?.GetValue<bool>().ShouldNotBe(true, theirAnswer.ToJsonString());

        // One with a wrong secret is refused, and the refusal does not echo any secret.
        using var intruder = new SampleHome(everyHost: false);
        environment = intruder.Environment(null);
        environment["PARLER_JOIN_SECRET"] = "wrong-secret";
        (await CliHarness.RunWithAsync(environment, "connect", "--hub", teamHub)).ExitCode.ShouldBe(0);
        using var refused = HostedMcp.Start(ConfigFile.ReadEntry(intruder.Host("zed"))!, intruder.Root);
        var refusal = (await refused.WhoAmIAsync()).ToJsonString();
        refusal.ShouldContain("join_secret_required");
        refusal.ShouldNotContain("wrong-secret");
        refusal.ShouldNotContain(secret);
    }
}
