using Parler.Cli.Tests.Connect;

namespace Parler.Cli.Tests;

public sealed class KnockWatchTests(CliHarness harness) : IClassFixture<CliHarness>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RequestsWatch_OnATerminal_AsksPerKnockAndYesApproves()
    {
        var key = (await harness.RunAsync("host-y", "session", "open", "--topic", "ask-room", "--context", "ctx")).Lines.Single().Split(' ')[1];
        var output = new SignalWriter("is now active");
        var questions = new StringWriter();
        var host = Host("host-y", output, questions) with { Interactive = true, Input = new StringReader("y\n") };
        using var stop = new CancellationTokenSource();
        var watch = ParlerCli.Build(host).Parse(["session", "requests", "--room", "ask-room", "--watch"]).InvokeAsync(cancellationToken: stop.Token);

        await harness.RunAsync("joiner-y", "session", "join", key);

        await output.Seen.WaitAsync(Deadline);
        await stop.CancelAsync();
        (await watch.WaitAsync(Deadline)).ShouldBe(ExitCodes.Cancelled);
        questions.ToString().ShouldContain("joiner-y (pa");
        questions.ToString().ShouldContain("asks to join 'ask-room'. Let it read the whole room? [y/N");
        (await harness.RunAsync("joiner-y", "session", "join", key)).Out.ShouldContain("says: ctx");
    }

    [Fact]
    public async Task RequestsWatch_WithoutATerminal_PrintsEachKnockAndDecidesNothing()
    {
        var key = (await harness.RunAsync("host-n", "session", "open", "--topic", "line-room", "--context", "ctx")).Lines.Single().Split(' ')[1];
        var output = new SignalWriter("knock: joiner-n");
        using var stop = new CancellationTokenSource();
        var watch = ParlerCli.Build(Host("host-n", output, new StringWriter()))
            .Parse(["session", "requests", "--room", "line-room", "--watch"]).InvokeAsync(cancellationToken: stop.Token);

        await harness.RunAsync("joiner-n", "session", "join", key);

        await output.Seen.WaitAsync(Deadline);
        await stop.CancelAsync();
        (await watch.WaitAsync(Deadline)).ShouldBe(ExitCodes.Cancelled);
        (await harness.RunAsync("joiner-n", "session", "join", key)).Out.ShouldStartWith("pending:");
    }

    private CliHost Host(string who, TextWriter output, TextWriter error)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PARLER_HOME"] = harness.Home(who),
            ["PARLER_HUB"] = harness.HubUrl,
            ["PARLER_NAME"] = who,
            ["NO_COLOR"] = "1",
        };
        return new CliHost(output, error, name => environment.GetValueOrDefault(name), TimeProvider.System);
    }
}
