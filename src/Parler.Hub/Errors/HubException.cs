namespace Parler.Hub.Errors;

/// <summary>A refusal the caller can act on; becomes a problem-details response with the error's code.</summary>
internal sealed class HubException(ErrorCode error, string detail) : Exception(detail)
{
    public ErrorCode Error { get; } = error;

    public IReadOnlyList<string>? SupportedVersions { get; init; }

    /// <summary>For a 429, 503 or 507: when the caller may try again (sent as Retry-After, in whole seconds); null when it never resets.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A refusal that still commits what its write counted (a wrong invite code counts against the guesser).</summary>
    public bool KeepsWrites { get; init; }
}
