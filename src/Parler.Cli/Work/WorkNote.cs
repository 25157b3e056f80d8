namespace Parler.Cli.Work;

/// <summary>The status and note a finished run reports: done on exit 0, failed otherwise, with the exit code and the output's tail.</summary>
internal static class WorkNote
{
    public static (string Status, string Note) Of(TaskOutcome outcome, TimeSpan? timeout)
    {
        var head = outcome.TimedOut
            ? $"timed out after {timeout?.TotalSeconds:0}s (killed)"
            : $"exit {outcome.ExitCode}";
        var note = outcome.Tail.Length == 0 ? head : $"{head}; output tail:\n{outcome.Tail}";
        return (outcome.ExitCode == 0 && !outcome.TimedOut ? "done" : "failed", note);
    }
}
