using System.Globalization;
using Parler.Client.Blobs;
using Parler.Core.Facts;

namespace Parler.Cli.Output;

/// <summary>
/// One progress line on a terminal's stderr for a blob going up or down ("uploading 12.5 MB of 40 MB (31%)"), redrawn
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
        var now = time.GetTimestamp();
        if (!transfer.Finished && _last != long.MinValue && time.GetElapsedTime(_last, now) < Every)
        {
            return;
        }

        _last = now;
        var verb = transfer.Upload ? (transfer.Finished ? "uploaded" : "uploading") : (transfer.Finished ? "downloaded" : "downloading");
        var text = transfer.Total is > 0 and var total && !transfer.Finished
            ? string.Create(CultureInfo.InvariantCulture, $"{verb} {BlobBody.Size(transfer.Done)} of {BlobBody.Size(total)} ({transfer.Done * 100 / total}%)")
            : $"{verb} {BlobBody.Size(transfer.Done)}";
        error.Write('\r' + text.PadRight(_width));
        _width = text.Length;
        if (transfer.Finished)
        {
            error.WriteLine();
            _last = long.MinValue;
            _width = 0;
        }

        error.Flush();
    }
}
