namespace Parler.Hub.Live;

/// <summary>
/// What the live streams of one hub cost the record: the store reads their feed made and the access checks the streams
/// ran. Read by tests (one read per commit for all a room's streams; a check only when access may have ended).
/// </summary>
internal sealed class LiveCounters
{
    private long _storeReads;
    private long _accessChecks;

    public long StoreReads => Interlocked.Read(ref _storeReads);

    public long AccessChecks => Interlocked.Read(ref _accessChecks);

    public void StoreRead() => Interlocked.Increment(ref _storeReads);

    public void AccessChecked() => Interlocked.Increment(ref _accessChecks);
}
