namespace Parler.Hub.Errors;

/// <summary>A refusal the caller can act on; becomes a problem-details response with the error's code.</summary>
internal sealed class HubException(ErrorCode error, string detail) : Exception(detail)
{
    public ErrorCode Error { get; } = error;

    public IReadOnlyList<string>? SupportedVersions { get; init; }
}
