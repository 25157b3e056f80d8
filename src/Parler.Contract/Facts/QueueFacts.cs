using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Parler.Contract.Facts;

/// <summary>An agent became a worker of a queue (on the queue's stream, q_name).</summary>
internal sealed record WorkerRegistered(
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("worker")] string Worker) : IFact<WorkerRegistered>
{
    public static string Type => FactTypes.WorkerRegistered;

    public static JsonTypeInfo<WorkerRegistered> Json => FactJsonContext.Default.WorkerRegistered;
}

internal sealed record JobEnqueued(
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("sender")] string Sender) : IFact<JobEnqueued>
{
    public static string Type => FactTypes.JobEnqueued;

    public static JsonTypeInfo<JobEnqueued> Json => FactJsonContext.Default.JobEnqueued;
}

/// <summary>A worker leased a job until a time (unix milliseconds); past it, the job can be leased again.</summary>
internal sealed record JobLeased(
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("worker")] string Worker,
    [property: JsonPropertyName("lease_until")] long LeaseUntil) : IFact<JobLeased>
{
    public static string Type => FactTypes.JobLeased;

    public static JsonTypeInfo<JobLeased> Json => FactJsonContext.Default.JobLeased;
}

internal sealed record JobCompleted(
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("worker")] string Worker,
    [property: JsonPropertyName("result"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Result = null) : IFact<JobCompleted>
{
    public static string Type => FactTypes.JobCompleted;

    public static JsonTypeInfo<JobCompleted> Json => FactJsonContext.Default.JobCompleted;
}
