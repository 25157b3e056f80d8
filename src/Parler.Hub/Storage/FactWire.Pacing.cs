using System.IO.Pipelines;

namespace Parler.Hub.Storage;

/// <summary>
/// The answer is flushed every <see cref="FlushEvery"/> bytes as the facts are written. A flush completes at once while
/// the reader keeps up; one the reader holds back (more than the server's output buffer unread) makes the store stop
/// writing (<see cref="MustWait"/>) and return, and the answer waits for it (<see cref="WaitAsync"/>) before the next
/// read goes on from the last fact written. So a slow or stalled reader costs the hub its output buffer and one step,
/// never a whole store read of facts.
/// </summary>
internal sealed partial class FactWire
{
    public const int FlushEvery = 64 * 1024;

    private int _sinceFlush;
    private ValueTask<FlushResult> _pending;
    private bool _held;
    private bool _gone;

    /// <summary>
    /// A flush waits on the reader, or the reader is gone: write nothing more until <see cref="WaitAsync"/>. Once true it
    /// stays true until then, even if the flush completes meanwhile, so a read that stopped is never taken up again mid-way.
    /// </summary>
    public bool MustWait
    {
        get
        {
            if (!_held && _pending.IsCompleted)
            {
                // Each flush's result is taken once (the pipe's own promise is reused for the next).
                _gone |= _pending.Result.IsCompleted;
                _pending = default;
            }

            _held |= _gone || !_pending.IsCompleted;
            return _held;
        }
    }

    /// <summary>Waits for the flush the reader held back; false once the reader is gone.</summary>
    public async ValueTask<bool> WaitAsync()
    {
        _gone |= (await _pending).IsCompleted;
        _pending = default;
        _held = false;
        return !_gone;
    }

    private void Wrote(int bytes)
    {
        _sinceFlush += bytes;
        if (_sinceFlush < FlushEvery || MustWait)
        {
            return;
        }

        _sinceFlush = 0;
        _pending = output.FlushAsync();
    }
}
