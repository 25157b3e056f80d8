using Parler.Hub.Storage;

namespace Parler.Hub.Features.Queues;

/// <summary>queues.serve: the agent that asks to serve a queue.</summary>
internal sealed record ServeQueue(string Queue, string Agent);

/// <summary>Who may serve the queue, as the writer holds it: whether the agent serves it already, its owner, whom it allowed.</summary>
internal sealed record ServeState(bool IsWorker, string? Owner, IReadOnlyList<string> Allowed);

/// <summary>jobs.lease: a worker of the queue asks for its oldest available job for so many seconds.</summary>
internal sealed record LeaseJob(string Queue, string Worker, int LeaseSeconds);

/// <summary>jobs.complete: the caller reports a job done or failed, with a result.</summary>
internal sealed record CompleteJob(string JobId, string Caller, string Status, string Result);

/// <summary>The job as the writer holds it (null: no such job), and whether the caller serves its queue.</summary>
internal sealed record CompleteState(JobRecord? Job, bool CallerServes);
