using System.Globalization;
using System.Text;
using System.Text.Json;
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

    /// <remarks>
    /// A live hub overwrites its mark in place (<see cref="RecordMarkFile"/>), and a read that races that write can see
    /// part of each; so an unreadable mark is read again before it is called damaged.
    /// </remarks>
    public static RecordMark? Read(string database)
    {
        for (var attempt = 1; ; attempt++)
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
            catch (Exception ex) when (attempt < 3 && ex is JsonException or InvalidOperationException or NullReferenceException)
            {
                // Read again: a torn read of a mark being overwritten.
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException)
            {
                throw new RecordDamagedException(
                    $"{PathFor(database)} (the hub id remembered beside the record) is unreadable. Restore it, or delete it to let the hub adopt the record as it is.");
            }
        }
    }

    /// <summary>
    /// Every mark is this many bytes (JSON, padded with spaces), so a live hub can overwrite it in place in one write
    /// (<see cref="RecordMarkFile"/>) without ever changing the file's length.
    /// </summary>
    public const int Size = 256;

    /// <summary>Replaces the mark whole (written beside it, then renamed over it), so a reader never sees half of one.</summary>
    public void Write(string database)
    {
        var path = PathFor(database);
        var next = path + ".next";
        File.WriteAllBytes(next, Encode());
        File.Move(next, path, overwrite: true);
    }

    /// <summary>The mark as <see cref="Size"/> bytes of JSON: the object, then spaces, then a newline.</summary>
    public byte[] Encode()
    {
        var json = Encoding.UTF8.GetBytes(
            $"{{\"hub_id\":\"{JsonEncodedText.Encode(HubId)}\",\"facts\":{Facts.ToString(CultureInfo.InvariantCulture)}}}");
        if (json.Length >= Size)
        {
            throw new InvalidOperationException($"A record mark must fit in {Size} bytes; hub id '{HubId}' is too long.");
        }

        var bytes = new byte[Size];
        json.CopyTo(bytes, 0);
        bytes.AsSpan(json.Length, Size - json.Length - 1).Fill((byte)' ');
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    public override string ToString() => $"hub {HubId}, {Facts.ToString(CultureInfo.InvariantCulture)} facts";
}
