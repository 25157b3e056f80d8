namespace Parler.Hub.Tests;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class FakeTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public FakeTime()
        : this(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Runs after each read has taken its value, so a test can move the clock between two reads of the hub's.</summary>
    public Action? AfterRead { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        AfterRead?.Invoke();
        return now;
    }

    public void Advance(TimeSpan by) => _now += by;
}
