using Parler.Hub.Limits;

namespace Parler.Hub.Tests.Storage;

/// <summary>Sweeping ended quota windows, on every store.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task SweepWindows_AfterTheLongestWindow_DeletesOnlyEndedWindowsInBoundedBatches()
    {
        var hour = (long)HubLimits.LongestWindow.TotalMilliseconds;
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var old = now - (3 * hour);
        await Store.WriteAsync(
            async (w, ct) =>
            {
                for (var i = 0; i < WindowSweeper.BatchSize + 7; i++)
                {
                    await w.CountAsync($"msg-agent:pa_{i}", old, 1, ct);
                }

                await w.CountAsync("rooms-agent:pa_keep", 0, 5, ct);
                await w.CountAsync("signin-agent:pa_keep", now - (now % hour), 2, ct);
                return await w.CountAsync("msg-agent:pa_keep", now - 1000, 3, ct);
            },
            CancellationToken.None);

        var swept = await WindowSweeper.SweepOnceAsync(Store, Time, CancellationToken.None);

        swept.ShouldBe(WindowSweeper.BatchSize + 7);
        (await Store.ReadCountAsync("msg-agent:pa_0", old, CancellationToken.None)).ShouldBe(0);
        (await Store.ReadCountAsync("rooms-agent:pa_keep", 0, CancellationToken.None)).ShouldBe(5, "a quota that never resets is never swept");
        (await Store.ReadCountAsync("signin-agent:pa_keep", now - (now % hour), CancellationToken.None)).ShouldBe(2, "a running window stays");
        (await Store.ReadCountAsync("msg-agent:pa_keep", now - 1000, CancellationToken.None)).ShouldBe(3);
        (await WindowSweeper.SweepOnceAsync(Store, Time, CancellationToken.None)).ShouldBe(0);
    }
}
