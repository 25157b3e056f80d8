using System.Diagnostics;
using System.Text;

namespace Parler.Cli.Work;

/// <summary>
/// Runs the worker's own command for one task: through the shell (the command is the user's, never a peer's), the task
/// text on stdin only, the task's facts in PARLER_* variables, stdout and stderr kept as one capped tail.
/// </summary>
internal static class TaskProcess
{
    public const int TailChars = 2000;

    public static async Task<TaskOutcome> RunAsync(
        string command, string stdin, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/s", "/c", command } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } };
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var tail = new Tail(TailChars);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command did not read its stdin; it still runs.
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } span)
        {
            limit.CancelAfter(span);
        }

        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new TaskOutcome(process.ExitCode, tail.Text, TimedOut: true);
        }

        process.WaitForExit();
        return new TaskOutcome(process.ExitCode, tail.Text, TimedOut: false);
    }

    /// <summary>The last <c>capacity</c> characters of the output, on line boundaries where it can.</summary>
    private sealed class Tail(int capacity)
    {
        private readonly Lock _gate = new();
        private readonly StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString().TrimEnd('\n');
                }
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _text.Append(line).Append('\n');
                if (_text.Length > capacity)
                {
                    _text.Remove(0, _text.Length - capacity);
                }
            }
        }
    }
}

/// <summary>How one run of the worker's command ended.</summary>
internal sealed record TaskOutcome(int ExitCode, string Tail, bool TimedOut);
