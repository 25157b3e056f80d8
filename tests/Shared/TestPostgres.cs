using System.Diagnostics;
using Npgsql;
using Parler.Hub.Storage.Postgres;

namespace Parler.Tests.Shared;

/// <summary>
/// PostgreSQL for tests: the server named by PARLER_TEST_PG (a URL of a role that may create databases), or else a
/// throwaway cluster started here with initdb/pg_ctl on a free port in a temp folder, stopped when the test process ends.
/// Each caller gets its own fresh database. When neither can be had the test fails with a message saying what to do;
/// under CI=true that failure is the point: CI must never pass without running the PostgreSQL tests.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "PARLER_TEST_PG";

    /// <summary>The file in a throwaway cluster's folder naming the test process that started it.</summary>
    private const string Owner = "owner.pid";

    private static readonly Lazy<Task<string>> Server = new(FindOrStartAsync);

    /// <summary>A server URL that wins over PARLER_TEST_PG (the load tool's --db); set it before the first database is made.</summary>
    public static string? ServerUrl { get; set; }

    /// <summary>The URL of a new, empty database.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await Server.Value;
        var name = "parler_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(admin, Environment.GetEnvironmentVariable("PGPASSWORD"))))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new UriBuilder(admin) { Path = "/" + name };
        return builder.Uri.ToString().Replace("postgresql://", "postgres://", StringComparison.Ordinal);
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabaseAsync"/>, disconnecting whoever still uses it. Clean-up only:
    /// when the server refuses (a session this role may not end, such as a vacuum after a large test), the database is
    /// left behind with a warning rather than failing the tests that used it; a throwaway cluster goes with it anyway.
    /// </summary>
    public static async Task DropDatabaseAsync(string url)
    {
        var admin = await Server.Value;
        var name = new Uri(url).AbsolutePath.Trim('/');
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(admin, Environment.GetEnvironmentVariable("PGPASSWORD")));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex)
        {
            await Console.Error.WriteLineAsync($"warning: test database {name} was left behind: {ex.SqlState} {ex.MessageText}");
        }
    }

    /// <summary>The connection string for a test database's URL.</summary>
    public static string ConnectionString(string url) =>
        PostgresUrl.ToConnectionString(url, Environment.GetEnvironmentVariable("PGPASSWORD"));

    private static async Task<string> FindOrStartAsync()
    {
        if ((ServerUrl ?? Environment.GetEnvironmentVariable(Variable)) is { Length: > 0 } url)
        {
            return url;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            throw Unavailable("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin");
        }

        var asRoot = Environment.UserName == "root";
        await RemoveOrphanedClustersAsync(bin, asRoot);
        var folder = Directory.CreateTempSubdirectory("parler-pg-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, Owner), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (asRoot)
        {
            await RunAsync("chown", ["postgres", folder], false);
        }

        var data = Path.Combine(folder, "data");
        var port = FreePort.Pick();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"], asRoot);
        string[] stop = ["-D", data, "stop", "-m", "immediate"];
        await RunAsync(
            Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(folder, "log"), "-w", "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start"],
            asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), stop, asRoot).GetAwaiter().GetResult();
            RunAsync("rm", ["-rf", folder], false).GetAwaiter().GetResult();
        };
        return $"postgres://postgres@127.0.0.1:{port}/postgres";
    }

    /// <summary>
    /// Stops and removes earlier throwaway clusters whose test process is gone: the test host may be ended before its exit
    /// handler has finished.
    /// </summary>
    private static async Task RemoveOrphanedClustersAsync(string bin, bool asRoot)
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), "parler-pg-*"))
        {
            var owner = Path.Combine(stale, Owner);
            if (!File.Exists(owner) || Directory.Exists($"/proc/{(await File.ReadAllTextAsync(owner)).Trim()}"))
            {
                continue;
            }

            try
            {
                if (File.Exists(Path.Combine(stale, "data", "postmaster.pid")))
                {
                    await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(stale, "data"), "stop", "-m", "immediate"], asRoot);
                }

                Directory.Delete(stale, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another test process may be removing it right now.
            }
        }
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in asPostgres ? ["-u", "postgres", "--", file, .. arguments] : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw Unavailable($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw Unavailable($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await errors}");
        }
    }

    private static InvalidOperationException Unavailable(string why) => new(
        $"!!! PostgreSQL tests cannot run: {why}. Set {Variable}=postgres://user@host:port/db (a role that may CREATE DATABASE) " +
        "or install the postgresql package so a throwaway cluster can be started. " +
        (Environment.GetEnvironmentVariable("CI") == "true" ? "CI=true: this is a failure." : "To leave them out locally: --filter Category!=Postgres."));
}
