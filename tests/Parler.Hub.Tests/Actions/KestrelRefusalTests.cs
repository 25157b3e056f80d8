using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Parler.Hub.Tests.Actions;

/// <summary>
/// Requests Kestrel refuses before the hub sees them still get a problem body with a registered code, seen over a raw
/// socket since HttpClient will not send most of them; and a refusal never garbles the answers before it.
/// </summary>
public sealed class KestrelRefusalTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Theory]
    [InlineData("GET /v1/rooms/%00 HTTP/1.1\r\nHost: h\r\n\r\n", 400, "bad_request")]
    [InlineData("GET /v1/%00/x HTTP/1.1\r\nHost: h\r\n\r\n", 400, "bad_request")]
    [InlineData("GET /v1 HTTP/1.1\r\n\r\n", 400, "bad_request")]
    [InlineData("GET /v1 HTTP/1.1\r\nHost: h\r\nBad Header: y\r\n\r\n", 400, "bad_request")]
    [InlineData("GARBAGE\r\n\r\n", 400, "bad_request")]
    [InlineData("GET /v1 HTTP/1.2\r\nHost: h\r\n\r\n", 400, "bad_request")]
    public async Task Request_KestrelRefuses_ProblemBodyWithARegisteredCode(string request, int status, string code)
    {
        var answer = await ExchangeAsync(Encoding.Latin1.GetBytes(request));

        ShouldBeProblem(answer, status, code);
    }

    [Fact]
    public async Task Request_TargetOrHeadersOverKestrelsLimits_414And431WithProblemBodies()
    {
        ShouldBeProblem(await ExchangeAsync(Encoding.ASCII.GetBytes($"GET /{new string('a', 20_000)} HTTP/1.1\r\nHost: h\r\n\r\n")), 414, "uri_too_long");
        ShouldBeProblem(await ExchangeAsync(Encoding.ASCII.GetBytes($"GET /v1 HTTP/1.1\r\nHost: h\r\nX: {new string('a', 40_000)}\r\n\r\n")), 431, "headers_too_large");
    }

    [Fact]
    public async Task Request_NulPathAfterAGoodOneOnTheSameConnection_FirstAnswerIntactThenProblem()
    {
        var answer = await ExchangeAsync("GET /v1 HTTP/1.1\r\nHost: h\r\n\r\nGET /v1 HTTP/1.1\r\nHost: h\r\n\r\nGET /v1/%00 HTTP/1.1\r\nHost: h\r\n\r\n"u8.ToArray());

        var second = answer.IndexOf("HTTP/1.1 200 OK", answer.IndexOf("HTTP/1.1 200 OK", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        second.ShouldBeGreaterThan(0, answer);
        answer[..second].ShouldContain("\"hub_id\"");
        var refusal = answer.IndexOf("HTTP/1.1 400 ", StringComparison.Ordinal);
        refusal.ShouldBeGreaterThan(second, answer);
        ShouldBeProblem(answer[refusal..], 400, "bad_request");
    }

    private static void ShouldBeProblem(string answer, int status, string code)
    {
        answer.ShouldStartWith($"HTTP/1.1 {status} ", customMessage: answer);
        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = answer[..split];
        head.ShouldContain("Content-Type: application/problem+json", Case.Sensitive, answer);
        var body = answer[(split + 4)..];
        int.Parse(head.Split("\r\n").Single(l => l.StartsWith("Content-Length: ", StringComparison.Ordinal))[16..], System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(Encoding.UTF8.GetByteCount(body), answer);
        var problem = JsonNode.Parse(body)!;
        problem["code"]!.GetValue<string>().ShouldBe(code);
        problem["status"]!.GetValue<int>().ShouldBe(status);
        problem["retryable"]!.GetValue<bool>().ShouldBeFalse();
    }

    /// <summary>Sends the bytes and reads until the hub closes the connection (every refusal closes it).</summary>
    private async Task<string> ExchangeAsync(byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(hub.Url.Host, hub.Url.Port);
        var stream = tcp.GetStream();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.WriteAsync(request, deadline.Token);
        return await RawAnswer.ReadToEndAsync(stream, deadline.Token);
    }
}
