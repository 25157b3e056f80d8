using System.IO.Pipelines;
using Parler.Hub.Live;

namespace Parler.Hub.Tests.Live;

/// <summary>
/// A stream's batch of facts goes out with a flush every <see cref="EventStream.FlushEvery"/> bytes, so a reader that does
/// not keep up holds the writes back (the output's pause threshold) and the hub never buffers a whole batch for it.
/// </summary>
public sealed class EventStreamWriteTests
{
    private const int Pause = 64 * 1024;

    [Fact]
    public async Task WriteAsync_ReaderNeverReads_BuffersNoMoreThanThePauseThresholdAndAFlushStep_StopsWhenTheReaderGoes()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: Pause, resumeWriterThreshold: Pause / 2, useSynchronizationContext: false));
        var events = Events(200, 60 * 1024);

        var writing = EventStream.WriteAsync(pipe.Writer, events, 0, CancellationToken.None);

        writing.IsCompleted.ShouldBeFalse();
        pipe.Reader.TryRead(out var read).ShouldBeTrue();
        read.Buffer.Length.ShouldBeLessThanOrEqualTo(Pause + EventStream.FlushEvery + events[0].Event.Length);
        pipe.Reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        pipe.Reader.Complete();
        (await writing).ShouldBeLessThan(events[^1].Seq);
    }

    [Fact]
    public async Task WriteAsync_ReaderKeepsUp_GetsEveryEventInOrderAndTheLastSeq()
    {
        var pipe = new Pipe();
        var events = Events(50, 3000);
        var reading = Task.Run(async () =>
        {
            using var all = new MemoryStream();
            await pipe.Reader.CopyToAsync(all);
            return all.ToArray();
        });

        var last = await EventStream.WriteAsync(pipe.Writer, events, 0, CancellationToken.None);
        await pipe.Writer.CompleteAsync();

        last.ShouldBe(50);
        (await reading).ShouldBe(events.SelectMany(e => e.Event).ToArray());
    }

    private static FeedEntry[] Events(int count, int size) =>
        [.. Enumerable.Range(1, count).Select(seq => new FeedEntry(seq, "message.posted", Enumerable.Repeat((byte)('a' + (seq % 26)), size).ToArray()))];
}
