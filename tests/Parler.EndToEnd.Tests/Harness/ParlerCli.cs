namespace Parler.EndToEnd.Tests.Harness;

/// <summary>One identity (its own PARLER_HOME) running the built <c>parler</c> binary as child processes against a hub.</summary>
public sealed class ParlerCli(string home, string hubUrl, string name)
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The <c>parler</c> under test: PARLER_E2E_EXECUTABLE when set (<c>.ci/run</c> points it at the Native AOT build it
    /// installed), else the build beside the tests.
    /// </summary>
    public static string Executable =>
        System.Environment.GetEnvironmentVariable("PARLER_E2E_EXECUTABLE") is { Length: > 0 } published
            ? published
            : Path.Combine(AppContext.BaseDirectory, "parler");

    public string Home { get; } = home;

    public string Name { get; } = name;

    public string HubUrl { get; } = hubUrl;

    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["PARLER_HOME"] = Home,
        ["PARLER_HUB"] = HubUrl,
        ["PARLER_NAME"] = Name,
        ["NO_COLOR"] = "1",
    };

    /// <summary>The same identity (same home) talking to another hub.</summary>
    public ParlerCli On(string hubUrl) => new(Home, hubUrl, Name);

    /// <summary>Runs one command to completion.</summary>
    public async Task<CliRun> RunAsync(params string[] arguments)
    {
        await using var process = Start(arguments);
        var exit = await process.WaitForExitAsync(CommandTimeout);
        return new CliRun(arguments, exit, process.Output, process.Errors);
    }

    /// <summary>Runs a command and requires exit code 0.</summary>
    public async Task<CliRun> RunOkAsync(params string[] arguments)
    {
        var run = await RunAsync(arguments);
        run.ExitCode.ShouldBe(0, run.ToString());
        return run;
    }

    /// <summary>Runs one command to completion in <paramref name="folder"/> (a repository, an output folder).</summary>
    public async Task<CliRun> RunInAsync(string folder, params string[] arguments)
    {
        await using var process = ChildProcess.Start(Executable, arguments, Environment, folder);
        var exit = await process.WaitForExitAsync(CommandTimeout);
        return new CliRun(arguments, exit, process.Output, process.Errors);
    }

    /// <summary>Starts a long-running command such as <c>recv --watch</c>; the caller disposes (kills) it.</summary>
    public ChildProcess Start(params string[] arguments) => ChildProcess.Start(Executable, arguments, Environment);

    /// <summary>Starts a command whose stdin stays open for the test to stream into.</summary>
    public ChildProcess StartWithInput(params string[] arguments) => ChildProcess.Start(Executable, arguments, Environment, keepInput: true);

    /// <summary>Runs a command under GNU time; the last stderr line is the process's peak resident memory in KiB.</summary>
    public async Task<(CliRun Run, long PeakKib)> RunMeasuredAsync(string folder, params string[] arguments)
    {
        await using var process = ChildProcess.Start("/usr/bin/time", ["-f", "%M", Executable, .. arguments], Environment, folder);
        var exit = await process.WaitForExitAsync(CommandTimeout);
        var errors = process.Errors;
        return (new CliRun(arguments, exit, process.Output, errors), long.Parse(errors[^1].Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
