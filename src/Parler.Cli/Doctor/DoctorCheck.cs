namespace Parler.Cli.Doctor;

/// <summary>One line of <c>parler doctor</c>: ok (no fix), a failure with its fix, or a note with how to act on it.</summary>
internal sealed record DoctorCheck(string Subject, string Finding, string? Fix, bool Failed = true);
