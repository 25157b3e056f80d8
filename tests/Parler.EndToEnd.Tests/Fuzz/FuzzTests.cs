using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Parler.Contract;
using Parler.Core.Facts;
using Parler.EndToEnd.Tests.Harness;
using Parler.Hub.Errors;
using Xunit.Abstractions;

namespace Parler.EndToEnd.Tests.Fuzz;

/// <summary>
/// A bounded, seeded fuzz of every action against a real hub: no answer is a 5xx, every refusal is a problem body with
/// a registered code and its status, and the record reads back whole afterwards, also after a restart.
/// </summary>
public sealed class FuzzTests(HubFixture fixture, ITestOutputHelper output) : IClassFixture<HubFixture>
{
    private const int Budget = 20_000;
    private const int Workers = 8;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(110);

    [Fact]
    public async Task Hub_SeededFuzzOverEveryAction_No5xxEveryErrorRegisteredRecordIntact()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PARLER_FUZZ_SEED"), out var chosen) ? chosen : 15;
        var team = await fixture.TeamAsync();
        var outsider = await fixture.TeamAsync("elsewhere");
        using var alice = await HubApi.SignInAsync(team.Alice);
        using var bob = await HubApi.SignInAsync(team.Bob);
        for (var i = 0; i < 5; i++)
        {
            (await bob.PostMessageAsync(team.RoomId, $"sentinel {i}", Guid.NewGuid().ToString("N"))).Status.ShouldBe(System.Net.HttpStatusCode.Created);
        }

        var before = await ChainAsync(bob, team.RoomId);
        var targets = new FuzzTargets(team.RoomId, "team", alice.Token!, alice.Key!.Id, outsider.RoomId);
        var tally = new FuzzTally();
        var clock = Stopwatch.StartNew();
        using var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1, MaxConnectionsPerServer = Workers };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(fixture.HubUrl), Timeout = TimeSpan.FromSeconds(20) };
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var generator = new RequestGenerator(seed * 100 + w, ActionCatalog.CreateDefault().Actions, targets);
            while (clock.Elapsed < Deadline && tally.TryClaim(Budget))
            {
                await SendAsync(http, generator.Next(), tally);
            }
        })));

        output.WriteLine($"fuzz seed {seed}: {tally.Sent} requests in {clock.Elapsed.TotalSeconds:F0} s; by status: {tally.Totals()}");
        output.WriteLine("codes: " + string.Join(", ", tally.ByCode.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
        tally.Broken.ShouldBeEmpty(string.Join('\n', tally.Broken));
        tally.ByStatus.Keys.ShouldAllBe(status => status < 500);
        tally.Sent.ShouldBe(Budget, $"the fuzz got through {tally.Sent} requests in {Deadline.TotalSeconds} s");

        var after = await ChainAsync(bob, team.RoomId);
        after.Take(before.Count).ShouldBe(before);
        await fixture.RestartHubAsync();
        using var bobAgain = await HubApi.SignInAsync(team.Bob);
        (await ChainAsync(bobAgain, team.RoomId)).ShouldBe(after);
    }

    private static async Task SendAsync(HttpClient http, FuzzRequest request, FuzzTally tally)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is { } body)
        {
            message.Content = request.Chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
            if (request.ContentType is { } type)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }

            message.Headers.TransferEncodingChunked = request.Chunked;
        }

        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
            var status = (int)response.StatusCode;
            if (request.Streams && response.IsSuccessStatusCode)
            {
                tally.Count(status, null);
                return;
            }

            var text = await response.Content.ReadAsStringAsync();
            string? code = null;
            if (status >= 300)
            {
                code = ProblemCode(response.Content.Headers.ContentType, text, status, out var wrong);
                if (wrong is not null)
                {
                    tally.Break(request, wrong);
                }
            }

            if (status >= 500)
            {
                tally.Break(request, $"{status} {text}");
            }

            tally.Count(status, code);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            tally.Count(0, null);
            tally.Break(request, $"no answer: {ex.GetType().Name} {ex.Message}");
        }
    }

    private static string? ProblemCode(MediaTypeHeaderValue? type, string text, int status, out string? wrong)
    {
        wrong = null;
        if (type?.MediaType != "application/problem+json")
        {
            wrong = $"{status} without a problem body ({type}): {text}";
            return null;
        }

        var code = JsonNode.Parse(text)?["code"]?.GetValue<string>();
        var registered = ErrorCodes.All.FirstOrDefault(e => e.Code == code);
        if (registered is null || registered.Status != status)
        {
            wrong = $"{status} with code '{code}', which the registry {(registered is null ? "does not hold" : $"gives {registered.Status}")}";
        }

        return code;
    }

    /// <summary>Every fact of the room as a reader gets it, each hash recomputed and chained to the one before.</summary>
    private static async Task<List<string>> ChainAsync(HubApi reader, string roomId)
    {
        var hashes = new List<string>();
        var prev = FactHash.Genesis;
        long after = 0;
        while (true)
        {
            var page = await reader.GetAsync($"/v1/rooms/{roomId}/messages?after={after}&limit=200");
            page.Status.ShouldBe(System.Net.HttpStatusCode.OK, page.ToString());
            var events = page.Json["events"]!.AsArray();
            if (events.Count == 0)
            {
                return hashes;
            }

            foreach (var e in events)
            {
                var hash = e!["hash"]!.GetValue<string>();
                e["prev"]!.GetValue<string>().ShouldBe(prev, $"fact {e["seq"]} does not chain to the one before it");
                FactHash.Compute(
                    e["stream"]!.GetValue<string>(), e["seq"]!.GetValue<long>(), e["type"]!.GetValue<string>(), e["at"]!.GetValue<long>(),
                    e["actor"]!.GetValue<string>(), e["principal"]!.GetValue<string>(), e["authority"]!.GetValue<string>(),
                    e["data"]!.AsObject(), prev).ShouldBe(hash, $"fact {e["seq"]}'s hash does not match its content");
                hashes.Add(hash);
                prev = hash;
                after = e["seq"]!.GetValue<long>();
            }
        }
    }
}
