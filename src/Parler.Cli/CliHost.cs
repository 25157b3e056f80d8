namespace Parler.Cli;

/// <summary>What a command may touch of the outside world; tests pass their own.</summary>
internal sealed record CliHost(TextWriter Out, TextWriter Error, Func<string, string?> Environment, TimeProvider Time)
{
    public static CliHost Console => new(System.Console.Out, System.Console.Error, System.Environment.GetEnvironmentVariable, TimeProvider.System);

    public bool Color => string.IsNullOrEmpty(Environment("NO_COLOR")) && !System.Console.IsOutputRedirected;
}
