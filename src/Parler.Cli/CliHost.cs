namespace Parler.Cli;

/// <summary>What a command may touch of the outside world; tests pass their own.</summary>
internal sealed record CliHost(TextWriter Out, TextWriter Error, Func<string, string?> Environment, TimeProvider Time)
{
    public static CliHost Console => new(System.Console.Out, System.Console.Error, System.Environment.GetEnvironmentVariable, TimeProvider.System)
    {
        Input = System.Console.In,
        Interactive = !System.Console.IsInputRedirected && !System.Console.IsErrorRedirected,
        ShowsProgress = !System.Console.IsErrorRedirected,
    };

    /// <summary>Where a question's answer is read from; none means nobody can answer.</summary>
    public TextReader? Input { get; init; }

    /// <summary>A person at a terminal can be asked a question (stdin and stderr are a terminal).</summary>
    public bool Interactive { get; init; }

    /// <summary>stderr is a terminal, so long work may draw a progress line there.</summary>
    public bool ShowsProgress { get; init; }

    public bool Color => string.IsNullOrEmpty(Environment("NO_COLOR")) && !System.Console.IsOutputRedirected;
}
