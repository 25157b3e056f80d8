using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

/// <summary>A caller now serving a queue: it may lease the queue's jobs and read their status.</summary>
internal sealed record ServeResponse(
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("worker")] string Worker);

internal sealed record EnqueueRequest([property: JsonPropertyName("text")] string? Text);

internal sealed record LeaseRequest(
    [property: JsonPropertyName("wait")] int? Wait = null,
    [property: JsonPropertyName("lease_seconds")] int? LeaseSeconds = null);

/// <summary>How a leased job ended: "done" or "failed", with the worker's result text.</summary>
internal sealed record CompleteJobRequest(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("result")] string? Result = null);

/// <summary>A job: status is queued, leased, done or failed; attempts counts its leases.</summary>
internal sealed record JobView(
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("sender")] string Sender,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("worker")] string? Worker,
    [property: JsonPropertyName("lease_until")] DateTimeOffset? LeaseUntil,
    [property: JsonPropertyName("result")] string? Result,
    [property: JsonPropertyName("attempts")] int Attempts);

/// <summary>A lease answer: the job now held by the caller, or none when the wait ended with nothing to do.</summary>
internal sealed record LeaseResponse(
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("job")] JobView? Job);

/// <summary>
/// A page of a queue's jobs, newest first: 'before' is the last job id of the page before (none for the newest). With the
/// 'mark' of the last answer, waits up to 'wait' seconds for the page to differ.
/// </summary>
internal sealed record JobListRequest(
    [property: JsonPropertyName("before")] string? Before = null,
    [property: JsonPropertyName("limit")] int? Limit = null,
    [property: JsonPropertyName("mark")] string? Mark = null,
    [property: JsonPropertyName("wait")] int? Wait = null);

/// <summary>A queue's jobs as the caller may see them (a worker: all of them; anyone else: the ones it sent), newest first.</summary>
internal sealed record JobListResponse(
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("worker")] bool Worker,
    [property: JsonPropertyName("jobs")] IReadOnlyList<JobView> Jobs,
    [property: JsonPropertyName("more")] bool More,
    [property: JsonPropertyName("mark")] string? Mark = null);
