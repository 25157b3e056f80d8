using System.Diagnostics;
using System.Globalization;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>
/// A real small filesystem for a hub's record: a tmpfs of a fixed size mounted on a temp folder (the tests run as root;
/// a runner that cannot mount fails here with what to do). <see cref="FillLeaving"/> takes all but a little of its space
/// with a filler file, so the record fills after a few writes; <see cref="Free"/> gives it back.
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private readonly string _filler;

    private SmallDisk(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler");
    }

    public string Path { get; }

    public long Available => new DriveInfo(Path).AvailableFreeSpace;

    public static async Task<SmallDisk> MountAsync(string path, long bytes)
    {
        Directory.CreateDirectory(path);
        var (code, errors) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={bytes.ToString(CultureInfo.InvariantCulture)}", "tmpfs", path);
        code.ShouldBe(0, $"mounting a small tmpfs for the disk-full test failed ({errors.Trim()}); run the end-to-end tests as root where mount is allowed");
        return new SmallDisk(path);
    }

    /// <summary>Writes a filler file until only about <paramref name="reserve"/> bytes are left.</summary>
    public void FillLeaving(long reserve)
    {
        var chunk = new byte[64 * 1024];
        using var filler = new FileStream(_filler, FileMode.Append, FileAccess.Write);
        while (Available > reserve)
        {
            filler.Write(chunk, 0, (int)Math.Min(chunk.Length, Math.Max(4096, Available - reserve)));
            filler.Flush(flushToDisk: true);
        }
    }

    public void Free() => File.Delete(_filler);

    public async ValueTask DisposeAsync() => await RunAsync("umount", "-l", Path);

    private static async Task<(int Code, string Errors)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, errors);
    }
}
