using Microsoft.Extensions.Logging;
using Parler.Hub.Errors;

namespace Parler.Hub.Storage;

/// <summary>
/// Whether the record takes writes now. A failed commit or an unreachable database makes it degraded; the next commit
/// makes it ok again. It logs each change of state once, so a full disk or a stopped server is one warning, not one
/// stack trace per request.
/// </summary>
internal sealed partial class StoreHealth(TimeProvider time, ILogger logger)
{
    private readonly Lock _gate = new();
    private StoreDegradation? _current;

    public StoreDegradation? Current => Volatile.Read(ref _current);

    public void Failed(ErrorCode error, string reason)
    {
        lock (_gate)
        {
            if (_current is { } current && current.Error == error)
            {
                // Same state, maybe worded differently (refused, reset, timed out): keep the time it began, log nothing.
                Volatile.Write(ref _current, current with { Reason = reason });
                return;
            }

            Volatile.Write(ref _current, new StoreDegradation(error, reason, _current?.Since ?? time.GetUtcNow()));
            Log.Degraded(logger, error.Code, reason);
        }
    }

    public void Succeeded()
    {
        if (Volatile.Read(ref _current) is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_current is { } current)
            {
                Volatile.Write(ref _current, null);
                Log.Recovered(logger, (long)(time.GetUtcNow() - current.Since).TotalMilliseconds);
            }
        }
    }
}
