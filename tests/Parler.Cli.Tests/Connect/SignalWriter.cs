namespace Parler.Cli.Tests.Connect;

/// <summary>Collects what a command prints and completes a signal when a line containing <c>marker</c> arrives.</summary>
public sealed class SignalWriter(string marker) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();

    public Task Seen => _seen.Task;

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
            if (ToString().Contains(marker, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        Write(value + "\n");
        return Task.CompletedTask;
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return GetStringBuilder().ToString();
        }
    }
}
