using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Parler.EndToEnd.Tests.Harness;
using Parler.Tests.Shared;
using Xunit.Abstractions;

namespace Parler.EndToEnd.Tests;

/// <summary>
/// A hub whose record lives on a small real filesystem (tmpfs) that fills up: writes answer 507 storage_full at once
/// (never hang), /health says degraded, and once space returns the same hub takes writes again with nothing
/// acknowledged lost or doubled.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-e2e-full-").FullName;
    private SmallDisk? _disk;

    [Fact]
    public async Task Hub_DiskFullThenFreed_WritesRefused507ThenResumeWithEveryAcknowledgedMessageOnce()
    {
        _disk = await SmallDisk.MountAsync(Path.Combine(_folder, "disk"), 24L * 1024 * 1024);
        var port = FreePort.Pick();
        await using var hub = await HubProcess.StartAsync(Path.Combine(_folder, "hub"), port, Path.Combine(_disk.Path, "hub.db"));
        using var alice = await HubApi.SignInAsync(new ParlerCli(Path.Combine(_folder, "alice"), hub.Url, "alice"));
        var created = await alice.PostAsync("/v1/rooms", new JsonObject { ["name"] = "full" });
        created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var room = created.Json["id"]!.GetValue<string>();

        _disk.FillLeaving(2 * 1024 * 1024);
        var filler = new string('x', 4000);
        var acknowledged = new List<string>();
        var refused = new List<(string Key, string Body)>();
        var sent = 0;
        while (refused.Count < 5)
        {
            sent.ShouldBeLessThan(5000, "the disk never filled");
            var (key, body) = ($"k-{sent}", $"m-{sent} {filler}");
            var clock = Stopwatch.StartNew();
            var answer = await alice.PostMessageAsync(room, body, key).WaitAsync(Prompt);
            sent++;
            if (answer.Status == HttpStatusCode.Created)
            {
                acknowledged.Add(body);
                continue;
            }

            answer.Status.ShouldBe((HttpStatusCode)507, answer.ToString());
            answer.Code.ShouldBe("storage_full");
            answer.Json["retryable"]!.GetValue<bool>().ShouldBeTrue();
            answer.Detail!.ShouldContain("Idempotency-Key");
            answer.ShouldSayTheSameWait();
            clock.Elapsed.ShouldBeLessThan(Prompt);
            refused.Add((key, body));
        }

        var health = await alice.GetAsync("/health");
        health.Status.ShouldBe(HttpStatusCode.OK, health.ToString());
        health.Json["status"]!.GetValue<string>().ShouldBe("degraded");
        health.Json["code"]!.GetValue<string>().ShouldBe("storage_full");
        (await alice.GetAsync("/v1")).Status.ShouldBe(HttpStatusCode.OK);

        var upload = await UploadAsync(alice, hub.Url, room, new byte[512 * 1024]);
        upload.Status.ShouldBe((HttpStatusCode)507, upload.ToString());
        upload.Code.ShouldBe("storage_full");
        upload.ShouldSayTheSameWait();

        _disk.Free();
        var freed = Stopwatch.StartNew();
        TimeSpan? recovered = null;
        foreach (var (key, body) in refused)
        {
            var retry = await alice.PostMessageAsync(room, body, key).WaitAsync(Prompt);
            retry.Status.ShouldBe(HttpStatusCode.Created, retry.ToString());
            recovered ??= freed.Elapsed;
            acknowledged.Add(body);
        }

        for (var i = 0; i < 20; i++)
        {
            var after = await alice.PostMessageAsync(room, $"after-{i}", $"after-{i}").WaitAsync(Prompt);
            after.Status.ShouldBe(HttpStatusCode.Created, after.ToString());
            acknowledged.Add($"after-{i}");
        }

        (await alice.GetAsync("/health")).Json["status"]!.GetValue<string>().ShouldBe("ok");
        (await UploadAsync(alice, hub.Url, room, new byte[1024])).Status.ShouldBe(HttpStatusCode.Created);

        var errors = hub.Process.Errors;
        // Logged per change of state, not per refused request (6 or more were refused, the upload included).
        errors.ShouldContain(l => l.Contains("takes no writes (storage_full)", StringComparison.Ordinal), hub.Process.Transcript());
        errors.Count(l => l.Contains("takes no writes", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(2, hub.Process.Transcript());
        errors.Count(l => l.Contains("takes writes again", StringComparison.Ordinal)).ShouldBe(1, hub.Process.Transcript());
        errors.ShouldNotContain(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal), hub.Process.Transcript());
        errors.ShouldNotContain(l => l.Contains("failed unexpectedly", StringComparison.Ordinal), hub.Process.Transcript());

        var stored = await ReadBodiesAsync(alice, room);
        stored.Count.ShouldBe(stored.Distinct().Count(), "a message was stored twice");
        stored.Order(StringComparer.Ordinal).ShouldBe(acknowledged.Order(StringComparer.Ordinal));
        output.WriteLine(
            $"disk full: sent {sent} before the disk filled ({acknowledged.Count - refused.Count - 20} acknowledged, {refused.Count} refused 507), " +
            $"then {refused.Count} retried and 20 new after freeing; acknowledged {acknowledged.Count}, stored {stored.Count}; " +
            $"the first write after freeing space committed {recovered!.Value.TotalMilliseconds:F0} ms after the space came back (same process, no restart)");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_disk is not null)
        {
            await _disk.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<ApiResponse> UploadAsync(HubApi api, string hubUrl, string room, byte[] bytes)
    {
        using var http = new HttpClient { BaseAddress = new Uri(hubUrl), Timeout = Prompt };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/rooms/{room}/blobs") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Token);
        Random.Shared.NextBytes(bytes);
        using var response = await http.SendAsync(request);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync())
        {
            RetryAfter = response.Headers.RetryAfter?.Delta,
        };
    }

    private static async Task<List<string>> ReadBodiesAsync(HubApi api, string room)
    {
        var bodies = new List<string>();
        long after = 0;
        while (true)
        {
            var page = await api.GetAsync($"/v1/rooms/{room}/messages?after={after}&limit=500");
            page.Status.ShouldBe(HttpStatusCode.OK, page.ToString());
            var events = page.Json["events"]!.AsArray();
            if (events.Count == 0)
            {
                return bodies;
            }

            bodies.AddRange(events.Where(e => e!["type"]!.GetValue<string>() == "message.posted").Select(e => e!["data"]!["body"]!.GetValue<string>()));
            after = events[^1]!["seq"]!.GetValue<long>();
        }
    }
}
