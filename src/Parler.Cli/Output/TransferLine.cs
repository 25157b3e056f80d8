using System.Globalization;
using Parler.Client.Blobs;
using Parler.Core.Facts;

namespace Parler.Cli.Output;

/// <summary>
/// One progress line on a terminal's stderr for a blob going up or down ("uploading 12.5 MB of 40 MB (31%)") or a
/// catch-up reading many pages of a room ("reading facts 400 of 1200 (33%)"), redrawn
/// in place at most every <see cref="Every"/> and ended with a newline once the transfer finishes. The CLI uses it
/// only when stderr is a terminal and --json is off, so scripts and agents never see it.
/// </summary>
internal sealed class TransferLine(TextWriter error, TimeProvider time)
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);

    private long _last = long.MinValue;
    private int _width;

    public void Show(BlobTransfer transfer)
    {
        if (Skipped(transfer.Finished))
        {
            return;
        }

        var verb = transfer.Upload ? (transfer.Finished ? "uploaded" : "uploading") : (transfer.Finished ? "downloaded" : "downloading");
        Draw(
            transfer.Total is > 0 and var total && !transfer.Finished
                ? string.Create(CultureInfo.InvariantCulture, $"{verb} {BlobBody.Size(transfer.Done)} of {BlobBody.Size(total)} ({transfer.Done * 100 / total}%)")
                : $"{verb} {BlobBody.Size(transfer.Done)}",
            transfer.Finished);
    }

    /// <summary>A catch-up reading a room page by page: "reading facts 400 of 1200 (33%)", then "read 1200 facts".</summary>
    public void ShowFacts(long done, long total, bool finished)
    {
        if (Skipped(finished))
        {
            return;
        }

        Draw(
            finished || total <= 0
                ? string.Create(CultureInfo.InvariantCulture, $"read {done} facts")
                : string.Create(CultureInfo.InvariantCulture, $"reading facts {done} of {total} ({Math.Min(100, done * 100 / total)}%)"),
            finished);
    }

    /// <summary>Takes the unfinished line off the screen, so what goes to stdout on the same terminal starts clean.</summary>
    public void Clear()
    {
        if (_width == 0)
        {
            return;
        }

        error.Write('\r' + new string(' ', _width) + '\r');
        error.Flush();
        _width = 0;
    }

    private bool Skipped(bool finished)
    {
        var now = time.GetTimestamp();
        if (!finished && _last != long.MinValue && time.GetElapsedTime(_last, now) < Every)
        {
            return true;
        }

        _last = now;
        return false;
    }

    private void Draw(string text, bool finished)
    {
        error.Write('\r' + text.PadRight(_width));
        _width = text.Length;
        if (finished)
        {
            error.WriteLine();
            _last = long.MinValue;
            _width = 0;
        }

        error.Flush();
    }
}
