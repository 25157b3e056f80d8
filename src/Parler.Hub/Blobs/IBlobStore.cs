using Parler.Core.Protocol;

namespace Parler.Hub.Blobs;

/// <summary>
/// Where a hub keeps shared files and bundles, content-addressed by SHA-256: a folder (<see cref="FileBlobStore"/>)
/// or the PostgreSQL record itself (<see cref="Storage.Postgres.PostgresBlobStore"/>), so hubs on one database serve
/// each other's blobs. Both stream: nothing is ever held whole in memory.
/// </summary>
internal interface IBlobStore
{
    /// <summary>Streams <paramref name="source"/> in, hashing and counting; more than <paramref name="maxBytes"/> is refused and nothing kept.</summary>
    Task<BlobView> SaveAsync(Stream source, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The stored blob's size, or null when this store does not hold it.</summary>
    Task<long?> SizeOfAsync(string hash, CancellationToken cancellationToken);

    /// <summary>A stream of the stored bytes, read piece by piece; the caller checks them against the hash.</summary>
    Task<Stream> OpenReadAsync(string hash, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="limit"/> blobs stored (or stored again) before <paramref name="before"/>, for
    /// <see cref="BlobCollector"/>; a store that cannot tell when a blob came answers none, and so collects nothing.
    /// </summary>
    Task<IReadOnlyList<string>> StoredBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the blob when it was last stored before <paramref name="before"/> (a fresh upload of the same bytes keeps it); says whether it went.</summary>
    Task<bool> DeleteIfStoredBeforeAsync(string hash, DateTimeOffset before, CancellationToken cancellationToken);
}
