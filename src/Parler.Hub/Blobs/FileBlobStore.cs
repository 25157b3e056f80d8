using Parler.Core.Facts;
using Parler.Core.Protocol;

namespace Parler.Hub.Blobs;

/// <summary>
/// Blobs in a folder: beside the SQLite record, or a folder several hubs share (<c>parler hub --blobs DIR</c>),
/// laid out as <c>ab/abcd…</c> by SHA-256. An upload streams into <c>tmp/</c> while it is hashed and counted, is
/// flushed to disk, then renamed into place.
/// </summary>
internal sealed class FileBlobStore(string directory) : IBlobStore
{
    public string PathOf(string hash) => Path.Combine(directory, hash[..2], hash);

    public async Task<BlobView> SaveAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(directory, "tmp");
        Directory.CreateDirectory(temporary);
        var partPath = Path.Combine(temporary, Guid.NewGuid().ToString("N"));
        try
        {
            string hash;
            long size;
            await using (var part = new FileStream(partPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                (hash, size) = await BlobIntake.CopyAsync(source, maxBytes, part.WriteAsync, cancellationToken);
                part.Flush(flushToDisk: true);
            }

            var finalPath = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            File.Move(partPath, finalPath, overwrite: true);
            return new BlobView(hash, size);
        }
        finally
        {
            File.Delete(partPath);
        }
    }

    public Task<long?> SizeOfAsync(string hash, CancellationToken cancellationToken)
    {
        if (!BlobBody.IsHash(hash))
        {
            return Task.FromResult<long?>(null);
        }

        var file = new FileInfo(PathOf(hash));
        return Task.FromResult<long?>(file.Exists ? file.Length : null);
    }

    public Task<IReadOnlyList<string>> StoredBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        if (!Directory.Exists(directory))
        {
            return Task.FromResult<IReadOnlyList<string>>(found);
        }

        // Only the ab/abcd… tree: an upload still streaming lives in tmp/ under another name until it is renamed in.
        foreach (var folder in Directory.EnumerateDirectories(directory).Where(d => Path.GetFileName(d).Length == 2))
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
            {
                if (BlobBody.IsHash(file.Name) && file.LastWriteTimeUtc < before.UtcDateTime)
                {
                    found.Add(file.Name);
                    if (found.Count >= limit)
                    {
                        return Task.FromResult<IReadOnlyList<string>>(found);
                    }
                }
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(found);
    }

    public Task<bool> DeleteIfStoredBeforeAsync(string hash, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(hash));
        if (!BlobBody.IsHash(hash) || !file.Exists || file.LastWriteTimeUtc >= before.UtcDateTime)
        {
            return Task.FromResult(false);
        }

        file.Delete();
        return Task.FromResult(true);
    }

    public Task<Stream> OpenReadAsync(string hash, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(
            PathOf(hash), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan));
}
