using System.Buffers;
using System.IO.Pipelines;

namespace Parler.Hub.Actions;

/// <summary>
/// Passes every write through to the transport unchanged, except a head that is Kestrel's bare refusal, which becomes
/// <see cref="KestrelRefusals.Answer"/>. The check costs a few byte compares per write; memory handed out is always
/// large enough for a whole refusal head, so one never arrives split over two writes.
/// </summary>
internal sealed class RefusalRewritingWriter(PipeWriter inner) : PipeWriter
{
    private const int MinimumSpan = 512;
    private Memory<byte> _handedOut;

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override Memory<byte> GetMemory(int sizeHint = 0) => _handedOut = inner.GetMemory(Math.Max(sizeHint, MinimumSpan));

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        var written = _handedOut.Span[..Math.Min(bytes, _handedOut.Length)];
        _handedOut = _handedOut[Math.Min(bytes, _handedOut.Length)..];
        var status = KestrelRefusals.BareRefusalStatus(written);
        if (status == 0)
        {
            inner.Advance(bytes);
            return;
        }

        // Drop Kestrel's bare head (never committed) and write the answer with a body in its place.
        _handedOut = Memory<byte>.Empty;
        inner.Write(KestrelRefusals.Answer(status));
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
}
