using System.ComponentModel;
using System.Diagnostics;
using Parler.Client.Blobs;

namespace Parler.Client.Git;

/// <summary>Runs the real <c>git</c> in a folder: arguments passed as a list, never through a shell.</summary>
internal sealed class GitRunner(string workingDirectory)
{
    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>Runs git; a non-zero exit becomes a <see cref="HandoffException"/> with <paramref name="explain"/> and git's own words.</summary>
    public async Task<string> RunAsync(string explain, CancellationToken cancellationToken, params string[] arguments)
    {
        var (exit, output, error) = await TryRunAsync(cancellationToken, arguments);
        return exit == 0 ? output : throw new HandoffException($"{explain} (git {arguments[0]}: {error.Trim()})");
    }

    public async Task<(int Exit, string Output, string Error)> TryRunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            throw new HandoffException($"Cannot run git ({ex.Message}). Install git and put it on PATH.", ex);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await output, await error);
        }
    }

    /// <summary>The top of the repository the folder is in, or a clear error when it is in none.</summary>
    public async Task<string> TopLevelAsync(string command, CancellationToken cancellationToken)
    {
        var (exit, output, _) = await TryRunAsync(cancellationToken, "rev-parse", "--show-toplevel");
        return exit == 0 && output.Trim().Length > 0
            ? output.Trim()
            : throw new HandoffException($"{WorkingDirectory} is not inside a git repository (or git is missing): run '{command}' from inside your repository.");
    }
}
