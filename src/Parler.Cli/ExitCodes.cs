namespace Parler.Cli;

/// <summary>Every exit code the CLI uses, in one place.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int HubUnreachable = 3;
    public const int Refused = 4;
    public const int NotFound = 5;
    public const int Cancelled = 130;
}
