namespace Parler.Hub.Storage;

/// <summary>The kinds of id the hub finds by prefix, each within what its caller may name.</summary>
internal enum IdSpace
{
    /// <summary>Jobs the caller sent or that are on a queue it serves.</summary>
    Job,

    /// <summary>The caller's own tokens that are not revoked (console and viewer links included).</summary>
    Token,
}
