namespace Parler.Cli.Tests;

public sealed class ServiceTests(CliHarness harness) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task Serve_SendRecvAckJob_SenderSeesTheResult()
    {
        var serve = await harness.RunAsync("worker", "serve", "review", "--once");
        serve.ExitCode.ShouldBe(0, serve.Error);
        serve.Error.ShouldContain("serving review");

        var sent = await harness.RunAsync("asker", "send", "--service", "review", "review PR #42");
        sent.ExitCode.ShouldBe(0, sent.Error);
        var jobId = sent.Lines.ShouldHaveSingleItem();
        jobId.ShouldStartWith("jb_");

        var leased = await harness.RunAsync("worker", "recv", "--service", "review");
        leased.ExitCode.ShouldBe(0, leased.Error);
        leased.Out.ShouldContain($"{jobId} leased (attempts 1)");
        leased.Out.ShouldContain("review PR #42");

        var ack = await harness.RunAsync("worker", "ack", jobId, "--done", "LGTM, merge it");
        ack.ExitCode.ShouldBe(0, ack.Error);

        var job = await harness.RunAsync("asker", "job", jobId);
        job.ExitCode.ShouldBe(0, job.Error);
        job.Out.ShouldContain($"{jobId} done (attempts 1)");
        job.Out.ShouldContain("result: LGTM, merge it");
    }

    [Fact]
    public async Task Recv_ServiceNotServed_IsRefused()
    {
        var result = await harness.RunAsync("idler", "recv", "--service", "translate");

        result.ExitCode.ShouldBe(ExitCodes.Refused);
        result.Out.ShouldBeEmpty();
    }
}
