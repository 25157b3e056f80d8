using Microsoft.Data.Sqlite;
using Parler.Client;

namespace Parler.Cli.Doctor;

/// <summary>The doctor's checks of the local record (SQLite's own integrity check), the disk under it, and the hub's version.</summary>
internal static class DoctorRecord
{
    private const long LowDiskBytes = 200L * 1024 * 1024;

    /// <summary>The SQLite record of the local hub, when there is one: read-only <c>PRAGMA quick_check</c>.</summary>
    public static IEnumerable<DoctorCheck> Check(string hubHome)
    {
        var path = Path.Combine(hubHome, "hub.db");
        if (!File.Exists(path))
        {
            yield break;
        }

        string result;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            result = command.ExecuteScalar() as string ?? "no answer";
        }
        catch (SqliteException ex)
        {
            result = ex.Message;
        }

        yield return result == "ok"
            ? new DoctorCheck("record", $"{path} passes SQLite's integrity check", null)
            : new DoctorCheck("record", $"{path} is damaged: {result}",
                $"stop the hub ('parler hub stop'), keep a copy of {path}, and restore it from a backup");
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
