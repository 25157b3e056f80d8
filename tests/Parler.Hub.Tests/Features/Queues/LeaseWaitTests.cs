using Parler.Hub.Features.Queues;

namespace Parler.Hub.Tests.Features.Queues;

/// <summary>How long jobs.lease waits when it found nothing: to the deadline or just past the earliest running lease, never less than nothing.</summary>
public sealed class LeaseWaitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 7, 0, 0, TimeSpan.Zero);

    private static long Ms(TimeSpan fromNow) => (Now + fromNow).ToUnixTimeMilliseconds();

    [Fact]
    public void WaitBeforeRetry_NoLeaseRunning_WaitsToTheDeadline()
    {
        QueueJobs.WaitBeforeRetry(Now, Now.AddSeconds(30), null).ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void WaitBeforeRetry_LeaseEndsBeforeTheDeadline_WakesJustAfterIt()
    {
        QueueJobs.WaitBeforeRetry(Now, Now.AddSeconds(30), Ms(TimeSpan.FromSeconds(2))).ShouldBe(TimeSpan.FromMilliseconds(2001));
    }

    [Fact]
    public void WaitBeforeRetry_DeadlineCame_AnswersNow()
    {
        QueueJobs.WaitBeforeRetry(Now, Now, Ms(TimeSpan.FromSeconds(2))).ShouldBeNull();
    }

    // The bug: the clock was read again after the write, so a lease that ended in between gave a negative wait, which
    // Task.WaitAsync refuses (a 500 to the worker) or, at exactly -1 ms, takes as "wait without limit".
    [Theory]
    [InlineData(2)]
    [InlineData(40)]
    public void WaitBeforeRetry_LeaseEndedBeforeTheClockWasRead_LooksAgainAtOnce(int endedMsAgo)
    {
        var wait = QueueJobs.WaitBeforeRetry(Now, Now.AddSeconds(30), Ms(TimeSpan.FromMilliseconds(-endedMsAgo)));

        wait.ShouldBe(TimeSpan.Zero);
    }
}
