using System.Net;
using System.Text.Json.Nodes;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>A raw hub answer: status, media type and body, with the problem-details fields tests look at.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string? MediaType, string Text)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("The body is JSON null.");

    public string? Code => Json["code"]?.GetValue<string>();

    public string? Detail => Json["detail"]?.GetValue<string>();

    /// <summary>The Retry-After header in seconds, when the answer has one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Checks a retryable refusal: a Retry-After header, and the detail saying the same wait in words.</summary>
    public void ShouldSayTheSameWait()
    {
        RetryAfter.ShouldNotBeNull(ToString());
        RetryAfter.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        Detail!.ShouldContain($"Retry in {(int)RetryAfter.Value.TotalSeconds} seconds", Case.Sensitive, ToString());
    }

    public override string ToString() => $"{(int)Status} {MediaType}\n{Text}";
}
