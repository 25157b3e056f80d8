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
[Collection(AloneCollection.Name)]
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
        var contract = new OpenApiContract((await alice.GetAsync("/openapi.json")).Json.AsObject());
        var targets = new FuzzTargets(team.RoomId, "team", alice.Token!, alice.Key!.Id, outsider.RoomId);
        var tally = new FuzzTally();
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient(NewHandler()) { BaseAddress = new Uri(fixture.HubUrl), Timeout = TimeSpan.FromSeconds(20) };
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var generator = new RequestGenerator(seed * 100 + w, ActionCatalog.CreateDefault().Actions, targets);
            while (clock.Elapsed < Deadline && tally.TryClaim(Budget))
            {
                await SendAsync(http, contract, generator.Next(), tally);
            }
        })));

        output.WriteLine($"fuzz seed {seed}: {tally.Sent} requests in {clock.Elapsed.TotalSeconds:F0} s; by status: {tally.Totals()}");
        output.WriteLine($"actions answered 2xx (and checked against /openapi.json): {tally.Successes.Count} of {ActionCatalog.CreateDefault().Actions.Count}: " +
            string.Join(", ", tally.Successes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
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

    private static async Task SendAsync(HttpClient http, OpenApiContract contract, FuzzRequest request, FuzzTally tally)
    {
        // A pooled connection the hub closed (after answering a refusal early, without reading a body) can fail the
        // next request on it before it is sent; once more on a connection of its own tells that apart from a hub
        // that gives no answer.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (attempt == 1)
                {
                    await SendOnceAsync(http, contract, request, tally);
                }
                else
                {
                    using var fresh = new HttpClient(NewHandler()) { BaseAddress = http.BaseAddress, Timeout = http.Timeout };
                    await SendOnceAsync(fresh, contract, request, tally);
                }

                return;
            }
            catch (HttpRequestException) when (request.Body?.Length > OverKestrelLimit)
            {
                // Over Kestrel's limit the hub answers 413 and closes while the client is still sending: the client may
                // see the close before the answer. The answer itself is checked by ProtocolErrorTests.
                tally.Count(413, null);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                if (attempt < 2)
                {
                    continue;
                }

                tally.Count(0, null);
                tally.Break(request, $"no answer: {ex.GetType().Name} {ex.Message} {ex.InnerException?.Message}");
                return;
            }
        }
    }

    private const int OverKestrelLimit = 1024 * 1024;

    private static SocketsHttpHandler NewHandler() =>
        new() { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1, MaxConnectionsPerServer = Workers };

    private static async Task SendOnceAsync(HttpClient http, OpenApiContract contract, FuzzRequest request, FuzzTally tally)
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

        // Every answer of the action the request was aimed at (same method; a mangled path may reach no action) is one
        // the document describes: its status, media type and body.
        if (request.Method == request.ActionMethod && code is not "not_found" and not "method_not_allowed"
            && !request.Path.Split('?')[0].Contains("//", StringComparison.Ordinal) && !request.Path.Split('?')[0].EndsWith('/')
            && contract.Mismatch(request.Method, request.Route, status, response.Content.Headers.ContentType?.MediaType, text) is { } mismatch)
        {
            tally.Break(request, "contract: " + mismatch);
        }

        if (status is >= 200 and < 300)
        {
            tally.Succeeded(request.Action);
        }

        tally.Count(status, code);
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
