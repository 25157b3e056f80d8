using System.Diagnostics;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Features.Queues;

/// <summary>A waiting worker gets a job whose lease ran out, however the lease's end falls against the hub's reads of the clock.</summary>
public sealed class LeaseRedeliveryTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    // The lease ends exactly when the waiting worker's write reads the clock (so the job is not leasable yet), and the
    // clock moves on 5 ms before the worker reads it again. The wait for the lease's end then came out at -4 ms, which
    // Task.WaitAsync refuses: the worker was answered 500 (at -1 ms it would have waited without limit instead).
    [Fact]
    public async Task Lease_LeaseEndsDuringTheWaitingWorkersWrite_GetsTheJob()
    {
        var (sender, holder, waiter) = (hub.NewClient("lr-sender"), hub.NewClient("lr-holder"), hub.NewClient("lr-waiter"));
        await holder.ServeAsync("lr", None);
        await holder.SetQueueAccessAsync("lr", waiter.Identity.Id, allow: true, None);
        await waiter.ServeAsync("lr", None);
        var job = (await sender.EnqueueAsync("lr", "outlive your worker", None)).JobId;
        var held = (await holder.LeaseAsync("lr", 0, 1, None))!;
        hub.Time.Advance(held.LeaseUntil!.Value - hub.Time.GetUtcNow());
        var moved = false;
        hub.Time.AfterRead = () =>
        {
            if (!moved && new StackTrace().ToString().Contains("TryLeaseAsync", StringComparison.Ordinal))
            {
                moved = true;
                hub.Time.Advance(TimeSpan.FromMilliseconds(5));
            }
        };

        try
        {
            var leased = await waiter.LeaseAsync("lr", 30, 60, None).WaitAsync(TimeSpan.FromSeconds(20));

            moved.ShouldBeTrue("the clock should have moved inside the waiting worker's write");
            leased.ShouldNotBeNull().JobId.ShouldBe(job);
            leased.Attempts.ShouldBe(2);
        }
        finally
        {
            hub.Time.AfterRead = null;
        }
    }
}
