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
}
