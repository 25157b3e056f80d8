using Parler.StartupBench;
using Parler.Tests.Shared;

// Start-up figures for the one `parler` executable (issue: first contact), medians of --runs, interleaved:
//   dotnet run -c Release --project bench/Parler.StartupBench -- --parler ~/.local/bin/parler [--runs 20] [--before OTHER]
var options = Options.Parse(args);
var scratch = Directory.CreateTempSubdirectory("parler-startup-bench-").FullName;
var figures = new Figures();
var node = await NodeYardstick.PrepareAsync(options.Repository);
var port = FreePort.Pick();
var hubUrl = new Uri($"http://127.0.0.1:{port}");
var hubStart = Launch.Command(options.Parler, ["hub", "--addr", $"127.0.0.1:{port}", "--db", Path.Combine(scratch, "send-hub.db")],
    new Dictionary<string, string> { ["PARLER_HOME"] = Path.Combine(scratch, "send-hub") });
using var sendHub = System.Diagnostics.Process.Start(hubStart)!;
try
{
    await Launch.AnsweredAsync(sendHub, hubUrl);
    var send = await SendTarget.PrepareAsync(scratch, hubUrl);
    Console.Error.WriteLine($"parler: {options.Parler}{(options.Before is null ? "" : $", before: {options.Before}")}; {options.Runs} interleaved runs after one warm-up; scratch {scratch}");
    for (var run = 0; run <= options.Runs; run++)
    {
        var counted = run > 0;
        void Record(string name, double value)
        {
            if (counted)
            {
                figures.Add(name, value);
            }
        }

        async Task TimeAsync(string label, string parler)
        {
            void Both(string name, Timing timing)
            {
                Record(label + name, timing.Ms);
                Record(label + name + " [cpu]", timing.CpuMs);
            }

            Both("parler --version", await Launch.ToExitAsync(Launch.Command(parler, ["--version"], new Dictionary<string, string>())));
            Both("parler send (one-shot, signed in)", await Launch.ToExitAsync(send.Parler(parler, run)));
            Both("parler mcp: spawn -> initialize", await Launch.ToInitializeAsync(Launch.Command(parler, ["mcp"],
                new Dictionary<string, string> { ["PARLER_HOME"] = Path.Combine(scratch, "mcp"), ["PARLER_HUB"] = hubUrl.ToString().TrimEnd('/') })));
            var freshPort = FreePort.Pick();
            var freshHome = Path.Combine(scratch, $"hub-{label.Length}-{run}");
            var (start, rss) = await Launch.HubAsync(
                Launch.Command(parler, ["hub", "--addr", $"127.0.0.1:{freshPort}"], new Dictionary<string, string> { ["PARLER_HOME"] = freshHome }),
                new Uri($"http://127.0.0.1:{freshPort}"), options.Idle);
            Both("hub start -> first answer", start);
            Record(label + "hub idle RSS", rss / 1024.0);
        }

        // The two builds alternate, each round in a different order, so neither always runs on a machine the other warmed.
        if (options.Before is not null && run % 2 == 1)
        {
            await TimeAsync(Report.Before, options.Before);
        }

        await TimeAsync("", options.Parler);
        if (options.Before is not null && run % 2 == 0)
        {
            await TimeAsync(Report.Before, options.Before);
        }

        var curl = await Launch.ToExitAsync(send.Curl(run));
        Record("curl, the same signed request", curl.Ms);
        Record("curl, the same signed request [cpu]", curl.CpuMs);
        if (node is not null)
        {
            var initialized = await Launch.ToInitializeAsync(node);
            Record("node SDK server: spawn -> initialize", initialized.Ms);
            Record("node SDK server: spawn -> initialize [cpu]", initialized.CpuMs);
        }

        Console.Error.Write(counted ? "." : "warm ");
    }

    Console.Error.WriteLine();
    Report.Print(figures, node is not null, options.Before is not null);
}
finally
{
    sendHub.Kill(entireProcessTree: true);
    await sendHub.WaitForExitAsync();
    Directory.Delete(scratch, recursive: true);
}
