using Parler.Hub.Storage.Checks;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>The record mark: how many facts the store has committed, kept beside the file to notice a cut WAL.</summary>
internal sealed partial class SqliteHubStore
{
    /// <summary>
    /// Keeps the mark beside the record right behind its commits (see <see cref="RecordMark"/>): each commit signals it,
    /// and it is rewritten at once on this loop, never on the writer's path; commits that land while it is written are
    /// counted by the next write. It trails the record by one small file write, so a WAL cut that loses acknowledged
    /// commits is noticed unless they were acknowledged in the last moment (well under a millisecond) before the crash.
    /// </summary>
    private async Task MarkLoopAsync()
    {
        try
        {
            while (await _markDue.Reader.WaitToReadAsync(_stopping.Token))
            {
                _markDue.Reader.TryRead(out _);
                WriteMark();
            }
        }
        catch (OperationCanceledException)
        {
            // The store is stopping; DisposeAsync writes the last mark.
        }
    }

    private void WriteMark()
    {
        var facts = Interlocked.Read(ref _committedFacts);
        if (facts == _markedFacts || _meta is null)
        {
            return;
        }

        try
        {
            var mark = new RecordMark(_meta.HubId, facts);
            if (_markFile is null)
            {
                _markFile = RecordMarkFile.Create(_path, mark);
            }
            else
            {
                _markFile.Write(mark);
            }

            _markedFacts = facts;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full disk: the mark stays behind (never ahead) and is written once there is room.
        }
    }
}
