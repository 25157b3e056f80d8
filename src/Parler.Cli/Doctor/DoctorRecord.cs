using Microsoft.Data.Sqlite;
using Parler.Client;
using Parler.Hub.Storage.Checks;

namespace Parler.Cli.Doctor;

/// <summary>The doctor's checks of the local record (the hub's whole-record check), the disk under it, and the hub's version.</summary>
internal static class DoctorRecord
{
    private const long LowDiskBytes = 200L * 1024 * 1024;

    /// <summary>
    /// The SQLite record of the local hub, when there is one: the hub's own whole-record check (SQLite's integrity
    /// check, then every room's hash chain, the caller's rooms among them), read-only beside a running hub.
    /// </summary>
    public static async Task<DoctorCheck?> CheckAsync(string hubHome, CancellationToken cancellationToken)
    {
        var path = Path.Combine(hubHome, "hub.db");
        if (!File.Exists(path))
        {
            return null;
        }

        RecordReport report;
        try
        {
            var source = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            await using var connection = new SqliteConnection(source);
            await connection.OpenAsync(cancellationToken);
            report = await RecordCheck.RunAsync(connection, sqlite: true, full: true, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or RecordDamagedException)
        {
            report = new RecordReport([ex.Message], 0, 0, 0);
        }

        return report.Sound
            ? new DoctorCheck("record", $"{path}: SQLite integrity ok, {report.Streams} streams, {report.FactsChecked} facts, every hash chain verified", null)
            : new DoctorCheck("record", $"{path} is damaged: {string.Join("; ", report.Problems)}",
                $"stop the hub ('parler hub stop'), keep a copy of {path}, and restore it from a backup ('parler hub check' shows every problem)");
    }

    public static DoctorCheck Disk(string home)
    {
        try
        {
            var existing = Directory.Exists(home) ? home : Path.GetDirectoryName(Path.GetFullPath(home)) ?? "/";
            var free = new DriveInfo(Path.GetFullPath(existing)).AvailableFreeSpace;
            var text = $"{free / (1024 * 1024)} MiB free under {home}";
            return free >= LowDiskBytes
                ? new DoctorCheck("disk", text, null)
                : new DoctorCheck("disk", text, "free some space: a hub refuses writes when the disk is full");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new DoctorCheck("disk", $"cannot tell the free space under {home}: {ex.Message}", null, Failed: false);
        }
    }

    /// <summary>" (hub name, contract versions)" from <c>GET /v1</c>, or nothing.</summary>
    public static async Task<string> HubVersionAsync(Uri hub, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient(HubPin.Handler(hub)) { Timeout = TimeSpan.FromSeconds(3) };
            var text = await http.GetStringAsync(new Uri(HubPin.WithoutPin(hub), "/v1"), cancellationToken);
            var info = System.Text.Json.JsonSerializer.Deserialize(text, LenientJson.Context.HubInfoResponse);
            return info is null ? "" : $" ({info.Name}, contract version {string.Join(", ", info.Versions)})";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return "";
        }
    }
}
