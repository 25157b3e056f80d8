using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parler.Core.Protocol;
using Parler.Hub.Actions;

namespace Parler.Hub.Features.Queues;

/// <summary>
/// jobs.list as a long-poll: given the mark of the page it last answered, it waits until the page differs (a job
/// enqueued, leased, completed, or a lease running out, which changes a job back to queued with no fact), so a
/// watcher such as the console's queue view follows a queue without polling.
/// </summary>
internal static class JobListWait
{
    public const int MaxWaitSeconds = 60;

    public static async Task<JobListResponse> WaitAsync(
        ActionCall call, string stream, string? mark, int waitSeconds, Func<CancellationToken, Task<JobListResponse>> read, CancellationToken ct)
    {
        var services = call.Services;
        var deadline = services.Time.GetUtcNow().AddSeconds(waitSeconds);
        var waited = false;
        while (true)
        {
            // Take the signal before reading, so a commit after the read always wakes this wait.
            var signal = services.Signals.NextAsync(stream);
            // The time before the read: a lease the page shows as running ends at or after it.
            var now = services.Time.GetUtcNow();
            var page = await read(ct);
            var remaining = deadline - now;
            var answered = Mark(page);
            if (mark is null || answered != mark || remaining <= TimeSpan.Zero)
            {
                if (waited)
                {
                    await call.RecheckAccessAsync(ct);
                }

                return page with { Mark = answered };
            }

            // A lease that runs out changes the page without a fact: wake then too.
            var sleep = page.Jobs.Select(job => job.LeaseUntil is { } until && until >= now ? until - now + TimeSpan.FromMilliseconds(1) : remaining)
                .Append(remaining).Min();
            waited = true;
            try
            {
                await signal.WaitAsync(sleep, services.Time, ct);
            }
            catch (TimeoutException)
            {
                // A lease ended or the deadline came: look again.
            }
        }
    }

    /// <summary>A short digest of what the page shows (each job's state as shown, a lease that ended already queued), and whether the caller serves the queue.</summary>
    public static string Mark(JobListResponse page)
    {
        var text = new StringBuilder().Append(page.Worker).Append(page.More).Append('\n');
        foreach (var job in page.Jobs)
        {
            text.Append(job.JobId).Append(' ').Append(job.Status).Append(' ').Append(job.Attempts).Append(' ').Append(job.Worker)
                .Append(' ').Append(job.LeaseUntil is { } until ? until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : "-")
                .Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
