using Parler.Core.Protocol;

namespace Parler.Client;

/// <summary>The hub refused a request (with its problem details) or could not be reached at all.</summary>
internal sealed class HubClientException : Exception
{
    public HubClientException(ProblemResponse problem)
        : base(problem.Detail)
    {
        Problem = problem;
    }

    public HubClientException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public ProblemResponse? Problem { get; }

    public string? Code => Problem?.Code;

    /// <summary>True when the hub could not be reached (as opposed to refusing).</summary>
    public bool Unreachable => Problem is null;

    public bool Retryable => Problem?.Retryable ?? true;
}
