using System.Diagnostics;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>A real child process whose stdout and stderr lines are collected as they arrive, so tests wait on output, not on time.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];
    private TaskCompletionSource _changed = NewSignal();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Description { get; private init; } = "";

    public bool HasExited => _process.HasExited;

    /// <summary>The child's stdin, for a process started with its input kept open; close it to send end-of-file.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_gate)
            {
                return [.. _output];
            }
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with exactly the PARLER_* variables given; the rest of the environment is inherited.
    /// Stdin is closed at once unless <paramref name="keepInput"/>; the folder is the test's unless <paramref name="workingDirectory"/>.
    /// </summary>
    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null, bool keepInput = false)
    {
        var start = ChildCommand.Create(fileName, arguments, environment, workingDirectory);
        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process) { Description = $"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)}" };
        process.OutputDataReceived += (_, e) => child.Add(child._output, e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(child._errors, e.Data);
        process.Start();
        if (!keepInput)
        {
            process.StandardInput.Close();
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until a stdout line matches; fails with everything seen so far if it does not come in time.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        string? found = null;
        await WaitUntilAsync(() => (found = Output.FirstOrDefault(match)) is not null, timeout, what);
        return found!;
    }

    /// <summary>Waits until a condition over the collected output holds, re-checking each time a line arrives.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) => WaitUntilAsync([this], condition, timeout, what);

    /// <summary>Waits until a condition over several processes' output holds, re-checking each time any of them prints a line.</summary>
    public static async Task WaitUntilAsync(IReadOnlyList<ChildProcess> processes, Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var changed = processes.Select(p => p.NextChange()).ToList();
            if (condition())
            {
                return;
            }

            var remaining = timeout - clock.Elapsed;
            var transcripts = () => string.Join('\n', processes.Select(p => $"`{p.Description}`:\n{p.Transcript()}"));
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Waited {timeout} for {what}.\n{transcripts()}");
            }

            var exits = processes.Select(p => p._process.WaitForExitAsync()).ToList();
            try
            {
                await Task.WhenAny(changed.Concat(exits)).WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                // Checked once more at the top of the loop, then reported with the transcripts.
            }

            if (exits.Any(e => e.IsCompleted) && !condition())
            {
                throw new InvalidOperationException($"A process exited before {what}.\n{transcripts()}");
            }
        }
    }

    private Task NextChange()
    {
        lock (_gate)
        {
            return _changed.Task;
        }
    }

    /// <summary>Waits for the process to end and its output to drain; kills it and fails if it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"`{Description}` did not exit within {timeout}.\n{Transcript()}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL (kill -9): no chance to clean up.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public string Transcript() => $"--- stdout\n{string.Join('\n', Output)}\n--- stderr\n{string.Join('\n', Errors)}";

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Add(List<string> lines, string? line)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (line is not null)
            {
                lines.Add(line);
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
