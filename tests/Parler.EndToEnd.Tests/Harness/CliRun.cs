namespace Parler.EndToEnd.Tests.Harness;

/// <summary>What one finished <c>parler</c> command printed and how it exited.</summary>
public sealed record CliRun(IReadOnlyList<string> Arguments, int ExitCode, IReadOnlyList<string> Lines, IReadOnlyList<string> ErrorLines)
{
    public string Out => string.Join('\n', Lines);

    public string Error => string.Join('\n', ErrorLines);

    public override string ToString() =>
        $"parler {string.Join(' ', Arguments)} exited {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
