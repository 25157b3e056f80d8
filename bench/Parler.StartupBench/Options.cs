using System.Globalization;

namespace Parler.StartupBench;

/// <summary>
/// --parler PATH (default: $PARLER_BENCH_EXECUTABLE, else ~/.local/bin/parler), --runs N (20), --idle SECONDS (2),
/// --before PATH (another build, timed in the same rounds, interleaved, for a before/after comparison).
/// </summary>
internal sealed record Options(string Parler, int Runs, TimeSpan Idle, string Repository, string? Before)
{
    public static Options Parse(string[] args)
    {
        var parler = Environment.GetEnvironmentVariable("PARLER_BENCH_EXECUTABLE")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "bin", "parler");
        var runs = 20;
        var idle = TimeSpan.FromSeconds(2);
        string? before = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--parler": parler = value; break;
                case "--runs": runs = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--idle": idle = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--before": before = value; break;
                default: throw new ArgumentException($"unknown option {args[i]} (--parler PATH, --runs N, --idle SECONDS, --before PATH).");
            }

            i++;
        }

        if (!File.Exists(parler))
        {
            throw new ArgumentException($"no parler at {parler}: pass --parler PATH (the Native AOT build: scripts/release.sh, then scripts/install.sh).");
        }

        if (before is not null && !File.Exists(before))
        {
            throw new ArgumentException($"no parler at {before} (--before).");
        }

        return new Options(Path.GetFullPath(parler), runs, idle, RepositoryRoot(), before is null ? null : Path.GetFullPath(before));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Parler.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Parler.slnx above {AppContext.BaseDirectory}.");
    }
}
