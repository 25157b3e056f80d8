using Parler.Cli.Output;
using Parler.Client.Blobs;

namespace Parler.Cli.Tests;

public sealed class ProgressTests(CliHarness harness) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task SendFileAndFetch_AtATerminal_DrawAProgressLineOnStderrOnly()
    {
        var code = (await harness.RunAsync("pr-alice", "invite", "--group", "progress-room")).Out.Trim();
        await harness.RunAsync("pr-bob", "join", code);
        var file = Path.Combine(harness.Home("pr-alice"), "big.bin");
        await File.WriteAllBytesAsync(file, new byte[3 * 1024 * 1024]);

        var sent = await harness.RunAtTerminalAsync("pr-alice", "send-file", "--room", "progress-room", file);
        var blob = sent.Lines.Single(l => l.StartsWith("blob ", StringComparison.Ordinal))["blob ".Length..];
        var fetched = await harness.RunAtTerminalAsync("pr-bob", "fetch", blob, "-o", Path.Combine(harness.Home("pr-bob"), "big.bin"));
        var quiet = await harness.RunAtTerminalAsync("pr-alice", "send-file", "--room", "progress-room", file, "--json");

        sent.ExitCode.ShouldBe(0, sent.ToString());
        sent.Error.ShouldStartWith("\ruploading ");
        sent.Error.TrimEnd().ShouldEndWith("\ruploaded 3 MB");
        sent.Out.ShouldNotContain("uploaded");
        fetched.ExitCode.ShouldBe(0, fetched.ToString());
        fetched.Error.TrimEnd().ShouldEndWith("downloaded 3 MB");
        quiet.ExitCode.ShouldBe(0, quiet.ToString());
        quiet.Error.ShouldBeEmpty();
        (await harness.RunAsync("pr-alice", "send-file", "--room", "progress-room", file)).Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Recv_CatchUpOfManyPages_AtATerminal_DrawsProgressOnStderrOnly()
    {
        var code = (await harness.RunAsync("cu-alice", "invite", "--group", "catch-up-room")).Out.Trim();
        await harness.RunAsync("cu-bob", "join", code);
        for (var i = 0; i < 210; i++)
        {
            (await harness.RunAsync("cu-alice", "send", "--room", "catch-up-room", $"note {i}")).ExitCode.ShouldBe(0);
        }

        var read = await harness.RunAtTerminalAsync("cu-bob", "recv", "--room", "catch-up-room");
        var quiet = await harness.RunAtTerminalAsync("cu-bob", "recv", "--room", "catch-up-room", "--since", "0", "--json");
        var piped = await harness.RunAsync("cu-bob", "recv", "--room", "catch-up-room", "--since", "0");

        read.ExitCode.ShouldBe(0, read.ToString());
        read.Error.ShouldStartWith("\rreading facts 200 of ");
        read.Error.TrimEnd().ShouldEndWith(" facts");
        read.Error.ShouldContain("\rread ");
        read.Out.ShouldContain("note 209");
        read.Out.ShouldNotContain("reading facts");
        quiet.ExitCode.ShouldBe(0, quiet.ToString());
        quiet.Error.ShouldBeEmpty();
        piped.Error.ShouldBeEmpty();
    }

    [Fact]
    public void TransferLine_FactsThenClear_EraseTheLineBeforeStdoutAndEndWithTheTotal()
    {
        var error = new StringWriter();
        var line = new TransferLine(error, new SteppedClock());

        line.ShowFacts(200, 410, finished: false);
        line.Clear();
        line.ShowFacts(410, 410, finished: true);

        var drawn = "reading facts 200 of 410 (48%)";
        error.ToString().ShouldBe("\r" + drawn + "\r" + new string(' ', drawn.Length) + "\r" + "\rread 410 facts" + Environment.NewLine);
    }

    [Fact]
    public void TransferLine_ReportsInsideTheInterval_AreDrawnOnceAndTheEndAlways()
    {
        var clock = new SteppedClock();
        var error = new StringWriter();
        var line = new TransferLine(error, clock);

        line.Show(new BlobTransfer(true, 1024, 4096, false));
        line.Show(new BlobTransfer(true, 2048, 4096, false));
        clock.Advance(TransferLine.Every);
        line.Show(new BlobTransfer(true, 3072, 4096, false));
        line.Show(new BlobTransfer(true, 4096, 4096, true));

        error.ToString().ShouldBe(
            "\ruploading 1 KB of 4 KB (25%)\ruploading 3 KB of 4 KB (75%)\r" + "uploaded 4 KB".PadRight("uploading 3 KB of 4 KB (75%)".Length) + Environment.NewLine);
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
