namespace Parler.Hub.Storage;

/// <summary>A queued write: runs inside the writer's transaction and answers its caller only once that commits.</summary>
internal abstract class PendingWrite(WriteHints? hints, CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>What the write will look up, if it told (<see cref="WriteHints"/>).</summary>
    public WriteHints? Hints { get; } = hints;

    public abstract Task RunAsync(IStoreWriter writer);

    public abstract void Complete();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}

internal sealed class PendingWrite<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, WriteHints? hints, CancellationToken cancellationToken)
    : PendingWrite(hints, cancellationToken)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Result => _completion.Task;

    public override async Task RunAsync(IStoreWriter writer) => _result = await work(writer, CancellationToken);

    public override void Complete() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
