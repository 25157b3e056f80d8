namespace Parler.Cli;

/// <summary>Every exit code the CLI uses, in one place; <see cref="Described"/> is what <c>parler --help</c> and the README show.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int HubUnreachable = 3;
    public const int Refused = 4;
    public const int NotFound = 5;
    public const int Ambiguous = 6;
    public const int Pending = 7;
    public const int Cancelled = 130;

    public static IReadOnlyList<(int Code, string Meaning)> Described { get; } =
    [
        (Success, "done"),
        (Failure, "failed (a file, git, a check that did not pass); the message says what to run next"),
        (Usage, "the command line is wrong: an unknown command or option, a missing or bad value"),
        (HubUnreachable, "no hub answers at the URL (run 'parler doctor')"),
        (Refused, "the hub refused: not allowed for this identity or token (forbidden, revoked, expired)"),
        (NotFound, "no such room, agent, invite, job or file (or not one this identity may see)"),
        (Ambiguous, "a name or id prefix matches more than one room, agent, job, token, handoff or blob: use the whole id"),
        (Pending, "waiting for approval: the join was asked for, nobody has admitted it yet"),
        (Cancelled, "interrupted (Ctrl+C)"),
    ];
}
