using System.Globalization;
using System.Text.Json.Nodes;

namespace Parler.Hub.Storage.Checks;

/// <summary>
/// What a SQLite record's folder remembers beside it (<c>hub.db.hub-id</c>): the hub's id and how many facts it had
/// committed when last written (rewritten after each commit, off the writer's path). A missing or empty database, another hub's database, or a
/// record with fewer facts than were committed (a cut WAL) is noticed at start by comparing with it. It only ever
/// trails the record: it is written after the commits it counts are on disk.
/// </summary>
internal sealed record RecordMark(string HubId, long Facts)
{
    public static string PathFor(string database) => Path.GetFullPath(database) + ".hub-id";

    public static RecordMark? Read(string database)
    {
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(PathFor(database)))!.AsObject();
            return new RecordMark(json["hub_id"]!.GetValue<string>(), json["facts"]!.GetValue<long>());
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new RecordDamagedException(
                $"{PathFor(database)} (the hub id remembered beside the record) is unreadable. Restore it, or delete it to let the hub adopt the record as it is.");
        }
    }

    /// <summary>Replaces the mark whole (written beside it, then renamed over it), so a reader never sees half of one.</summary>
    public void Write(string database)
    {
        var path = PathFor(database);
        var next = path + ".next";
        var json = new JsonObject { ["hub_id"] = HubId, ["facts"] = Facts };
        File.WriteAllText(next, json.ToJsonString() + "\n");
        File.Move(next, path, overwrite: true);
    }

    public override string ToString() => $"hub {HubId}, {Facts.ToString(CultureInfo.InvariantCulture)} facts";
}
