using System.Diagnostics;

namespace Parler.Cli.Tests.Connect;

/// <summary><c>parler hub --log</c>, which hubs started in the background use on Windows.</summary>
public sealed class HubLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-hublog-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Hub_WithLog_WritesItsOutputThereAndNothingToTheConsole()
    {
        var log = Path.Combine(_folder, "hub.log");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "parler"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "hub", "--addr", "127.0.0.1:0", "--log", log })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PARLER_HOME"] = Path.Combine(_folder, ".parler");
        using var hub = Process.Start(start)!;
        var console = hub.StandardOutput.ReadToEndAsync();
        try
        {
            SpinWait.SpinUntil(() => File.Exists(log) && ReadShared(log).Contains("parler hub listening on http://127.0.0.1:", StringComparison.Ordinal), TimeSpan.FromSeconds(30))
                .ShouldBeTrue(File.Exists(log) ? ReadShared(log) : "no log");
        }
        finally
        {
            hub.Kill();
            await hub.WaitForExitAsync();
        }

        (await console).ShouldBeEmpty();
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
