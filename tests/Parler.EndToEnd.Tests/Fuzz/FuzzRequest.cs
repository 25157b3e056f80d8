namespace Parler.EndToEnd.Tests.Fuzz;

/// <summary>One generated request: raw enough to carry bytes no well-behaved client would send.</summary>
internal sealed record FuzzRequest(
    string Action, string Route, string ActionMethod, string Method, string Path, byte[]? Body, string? ContentType, bool Chunked,
    IReadOnlyList<KeyValuePair<string, string>> Headers, bool Streams);
