namespace Parler.Hub.Errors;

/// <summary>What a caller should do about an error.</summary>
internal enum ErrorAction
{
    Retry,
    Backoff,
    Reauthorize,
    FixClient,
    Stop,
}

/// <summary>One registered error: a stable code, its HTTP status and the advice an agent acts on.</summary>
internal sealed record ErrorCode(string Code, int Status, string Title, ErrorAction Action, bool Retryable)
{
    public string ActionName => Action switch
    {
        ErrorAction.Retry => "retry",
        ErrorAction.Backoff => "backoff",
        ErrorAction.Reauthorize => "reauthorize",
        ErrorAction.FixClient => "fix_client",
        _ => "stop",
    };
}
