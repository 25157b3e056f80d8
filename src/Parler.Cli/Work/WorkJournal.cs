using System.Globalization;
using System.Text;

namespace Parler.Cli.Work;

/// <summary>
/// A worker's durable memory of one room or queue, an append-only file under PARLER_HOME/work: where its cursor is, which
/// tasks it started and which it finished. A task is marked started before its command runs, so a worker killed at any
/// point and restarted never runs one twice (a task started but never finished is reported as interrupted instead).
/// </summary>
internal sealed class WorkJournal
{
    private readonly string _path;
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);

    private WorkJournal(string path) => _path = path;

    public long? Cursor { get; private set; }

    public static WorkJournal Open(string home, string key)
    {
        var folder = Path.Combine(home, "work");
        Directory.CreateDirectory(folder);
        var journal = new WorkJournal(Path.Combine(folder, key + ".journal"));
        if (File.Exists(journal._path))
        {
            foreach (var line in File.ReadLines(journal._path))
            {
                var parts = line.Split(' ', 2);
                if (parts.Length != 2)
                {
                    continue; // A line torn by a crash mid-write.
                }

                switch (parts[0])
                {
                    case "cursor" when long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq):
                        journal.Cursor = seq;
                        break;
                    case "started":
                        journal._started.Add(parts[1]);
                        break;
                    case "finished":
                        journal._finished.Add(parts[1]);
                        break;
                }
            }
        }

        return journal;
    }

    public bool Started(string taskId) => _started.Contains(taskId);

    public bool Finished(string taskId) => _finished.Contains(taskId);

    public void MarkStarted(string taskId)
    {
        Append($"started {taskId}");
        _started.Add(taskId);
    }

    public void MarkFinished(string taskId)
    {
        Append($"finished {taskId}");
        _finished.Add(taskId);
    }

    public void MoveCursor(long seq)
    {
        if (Cursor != seq)
        {
            Append(string.Create(CultureInfo.InvariantCulture, $"cursor {seq}"));
            Cursor = seq;
        }
    }

    private void Append(string line)
    {
        using var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
        file.Write(Encoding.UTF8.GetBytes(line + "\n"));
        file.Flush(flushToDisk: true);
    }
}
