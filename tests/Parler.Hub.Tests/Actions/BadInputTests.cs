using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Core.Identity;

namespace Parler.Hub.Tests.Actions;

/// <summary>Bad input is the caller's to fix: a registered 4xx with a problem body, never a 500, and nothing stored.</summary>
public sealed class BadInputTests(HubFixture hub) : IClassFixture<HubFixture>
{
    public static TheoryData<string> BadBodies => new()
    {
        "{\"agent_id\":\"\\ud800\"}",
        "{\"agent_id\":\"\\udc00x\"}",
        "{\"agent_id\":\"a\",\"agent_id\":\"b\"}",
        "{\"agent_id\":\"a\",\"x\":{\"k\":1,\"k\":2}}",
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Challenge_LoneSurrogateOrDuplicateKey_Refused400InvalidJson(string body)
    {
        using var http = new HttpClient { BaseAddress = hub.Url };
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await http.PostAsync("/v1/auth/challenge", content);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "invalid_json");
    }

    [Fact]
    public async Task RememberPrivate_InvalidUtf8_Refused400InvalidJsonWithOrWithoutKeyAndNothingStored()
    {
        using var http = await SignedInAsync("utf8-writer");
        foreach (var key in new[] { null, Guid.NewGuid().ToString("N") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/memory")
            {
                Content = new ByteArrayContent([.. "{\"text\":\"lossy "u8, 0xff, 0xfe, .. "\"}"u8]),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }

            using var response = await http.SendAsync(request);
            await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "invalid_json");
        }

        var recalled = JsonNode.Parse(await http.GetStringAsync("/v1/memory?q=lossy"))!;
        recalled["memories"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Challenge_TenMegabyteChunkedBody_Refused413EveryTime()
    {
        for (var i = 0; i < 20; i++)
        {
            var answer = await ChunkedPostAsync("/v1/auth/challenge", 10 * 1024 * 1024);

            answer.ShouldStartWith("HTTP/1.1 413 ", customMessage: answer);
            answer.ShouldContain("application/problem+json");
            answer.ShouldContain("\"code\":\"body_too_large\"");
        }
    }

    /// <summary>
    /// Streams a chunked body over a raw connection while reading the answer, the way a client sees the hub refuse
    /// early: HttpClient gives up on the broken pipe before it reads the answer the hub already sent.
    /// </summary>
    private async Task<string> ChunkedPostAsync(string path, int bytes)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(hub.Url.Host, hub.Url.Port);
        var stream = tcp.GetStream();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reading = Task.Run(() => RawAnswer.ReadToEndAsync(stream, deadline.Token));

        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST {path} HTTP/1.1\r\nHost: {hub.Url.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"), deadline.Token);
            for (var sent = 0; sent < bytes; sent += chunk.Length)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"), deadline.Token);
                await stream.WriteAsync(chunk, deadline.Token);
                await stream.WriteAsync("\r\n"u8.ToArray(), deadline.Token);
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), deadline.Token);
        }
        catch (IOException)
        {
            // The hub stopped reading once the body was over its limit.
        }

        return await reading;
    }

    [Theory]
    [InlineData("/v1/queues/work/jobs", "{\"text\":\"\\u0000\"}")]
    [InlineData("/v1/memory", "{\"text\":\"a\\u0000b\"}")]
    public async Task Write_NulCharacter_Refused400BeforeAnyStore(string path, string body)
    {
        using var http = await SignedInAsync("nul-writer-" + Guid.NewGuid().ToString("N")[..6]);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(path, content);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Read_NulInQuery_Refused400()
    {
        using var http = await SignedInAsync("nul-reader");

        using var response = await http.GetAsync("/v1/memory?q=a%00b");

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task FileLikePath_NoAction_404WithProblemBody()
    {
        using var http = new HttpClient { BaseAddress = hub.Url };

        using var response = await http.GetAsync("/v1/notes.txt");

        await ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Header_NonAsciiByte_AnsweredByTheActionWithAProblemBody()
    {
        using var handler = new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1 };
        using var http = new HttpClient(handler) { BaseAddress = hub.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/rooms");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer \u00ff\u00fe");

        using var response = await http.SendAsync(request);

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized, "token_invalid");
    }

    [Theory]
    [InlineData("gap-b\u200b")]
    [InlineData("\u202Eevil")]
    [InlineData("a\u2066b\u2069")]
    [InlineData("bom\uFEFF")]
    [InlineData("bell\u0007")]
    public async Task SignIn_NameWithControlBidiOrZeroWidth_RefusedNamingTheCharacter(string name)
    {
        var client = new HubClient(hub.Url, new AgentIdentity(AgentKey.Generate(), name), new TokenCache(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))), hub.Time);

        var refused = await Should.ThrowAsync<HubClientException>(() => client.SignInAsync(CancellationToken.None));

        refused.Code.ShouldBe("validation_failed");
        refused.Message.ShouldContain("bidi or zero-width");
        refused.Message.ShouldContain("U+");
    }

    [Fact]
    public async Task RememberPrivate_KeyWithZeroWidth_Refused()
    {
        using var http = await SignedInAsync("key-writer");
        using var content = new StringContent("{\"text\":\"note\",\"key\":\"deploy\\u200b\"}", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync("/v1/memory", content);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    private async Task<HttpClient> SignedInAsync(string name)
    {
        var token = await hub.NewClient(name).SignInAsync(CancellationToken.None);
        var http = new HttpClient { BaseAddress = hub.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return http;
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(text)!;
        problem["code"]!.GetValue<string>().ShouldBe(code);
        problem["retryable"]!.GetValue<bool>().ShouldBeFalse();
    }
}
