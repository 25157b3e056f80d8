using Parler.StartupBench;
using Parler.Tests.Shared;

// Start-up figures for the one `parler` executable (issue: first contact), medians of --runs, interleaved:
//   dotnet run -c Release --project bench/Parler.StartupBench -- --parler ~/.local/bin/parler [--runs 20]
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
    Console.Error.WriteLine($"parler: {options.Parler}; {options.Runs} interleaved runs after one warm-up; scratch {scratch}");
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

        Record("parler --version", await Launch.ToExitAsync(Launch.Command(options.Parler, ["--version"], new Dictionary<string, string>())));
        Record("parler send (one-shot, signed in)", await Launch.ToExitAsync(send.Parler(options.Parler, run)));
        Record("curl, the same signed request", await Launch.ToExitAsync(send.Curl(run)));
        var mcpHome = Path.Combine(scratch, "mcp");
        Record("parler mcp: spawn -> initialize", await Launch.ToInitializeAsync(Launch.Command(options.Parler, ["mcp"],
            new Dictionary<string, string> { ["PARLER_HOME"] = mcpHome, ["PARLER_HUB"] = hubUrl.ToString().TrimEnd('/') })));
        if (node is not null)
        {
            Record("node SDK server: spawn -> initialize", await Launch.ToInitializeAsync(node));
        }

        var freshPort = FreePort.Pick();
        var freshHome = Path.Combine(scratch, $"hub-{run}");
        var (ms, rss) = await Launch.HubAsync(
            Launch.Command(options.Parler, ["hub", "--addr", $"127.0.0.1:{freshPort}"], new Dictionary<string, string> { ["PARLER_HOME"] = freshHome }),
            new Uri($"http://127.0.0.1:{freshPort}"), options.Idle);
        Record("hub start -> first answer", ms);
        Record("hub idle RSS", rss / 1024.0);
        Console.Error.Write(counted ? "." : "warm ");
    }

    Console.Error.WriteLine();
    Report.Print(figures, node is not null);
}
finally
{
    sendHub.Kill(entireProcessTree: true);
    await sendHub.WaitForExitAsync();
    Directory.Delete(scratch, recursive: true);
}
