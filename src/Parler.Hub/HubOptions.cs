namespace Parler.Hub;

/// <summary>How a hub is started.</summary>
internal sealed class HubOptions
{
    public const string DefaultAddress = "127.0.0.1:7070";

    /// <summary>host:port to listen on; loopback unless a join secret is set.</summary>
    public string Address { get; init; } = DefaultAddress;

    /// <summary>The SQLite file of the embedded store.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>--new: start a new, empty record where the folder remembers one (a missing or empty database), or serve one the hub would refuse as replaced or cut.</summary>
    public bool NewRecord { get; init; }

    /// <summary>When set, the record is this PostgreSQL database (Npgsql connection string) instead of the SQLite file.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Required to bind beyond loopback; callers present it when they authenticate.</summary>
    public string? JoinSecret { get; init; }

    /// <summary>When set, the hub serves HTTPS with this certificate (a team hub); clients pin its fingerprint.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    public int MaxBodyBytes { get; init; } = 64 * 1024;

    public int MaxMessageChars { get; init; } = 32 * 1024;

    /// <summary>The largest blob (a git bundle or a file) an upload may carry.</summary>
    public long MaxBlobBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Where shared files and bundles live when they are not in PostgreSQL: --blobs, or beside the SQLite record.
    /// A hub on PostgreSQL keeps them in the database unless this is set (then hubs on one database must share the folder).
    /// </summary>
    public string? BlobsFolder { get; init; }

    /// <summary>How often an SSE stream sends a ': ping' comment and checks its access again, busy or idle.</summary>
    public TimeSpan StreamKeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Facts per store read of a catch-up (messages.history); tests make it small to cross pages.</summary>
    public int HistoryPage { get; init; } = 2000;

    /// <summary>Quotas and rate limits (docs/limits.md); 0 turns one off.</summary>
    public Limits.HubLimits Limits { get; init; } = new();

    public string BlobsDirectory => BlobsFolder ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!, "blobs");
}
