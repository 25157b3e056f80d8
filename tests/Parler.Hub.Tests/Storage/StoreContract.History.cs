using System.IO.Pipelines;
using System.Text.Json;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage;

/// <summary>
/// A catch-up's read on every store: when the reader holds a flush back, the store stops after the last fact it wrote,
/// having buffered no more than the output's pause threshold and a flush step; read on from there, the answer holds every
/// fact once, in order.
/// </summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task WriteStream_ReaderHoldsAFlushBack_StopsThereAndGoesOnFromTheLastFactWritten()
    {
        const int Pause = 64 * 1024;
        await CreateRoomAsync("rm_a");
        var body = new string('x', 20_000);
        for (var i = 0; i < 40; i++)
        {
            await Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Message(Alice, body), ct), CancellationToken.None);
        }

        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: Pause, resumeWriterThreshold: Pause / 2, useSynchronizationContext: false));
        var facts = new FactWire(pipe.Writer, "rm_a");

        var first = await Store.WriteStreamAsync("rm_a", 0, 42, 2000, facts, CancellationToken.None);

        facts.MustWait.ShouldBeTrue();
        first.Count.ShouldBeLessThan(42);
        pipe.Reader.TryRead(out var held).ShouldBeTrue();
        held.Buffer.Length.ShouldBeLessThanOrEqualTo(Pause + FactWire.FlushEvery + 21_000);
        pipe.Reader.AdvanceTo(held.Buffer.Start, held.Buffer.End);

        var reading = Task.Run(async () =>
        {
            using var all = new MemoryStream();
            await pipe.Reader.CopyToAsync(all);
            return all.ToArray();
        });
        var last = first.Last;
        while (last < 42)
        {
            (await facts.WaitAsync()).ShouldBeTrue();
            last = (await Store.WriteStreamAsync("rm_a", last, 42, 2000, facts, CancellationToken.None)).Last;
        }

        await pipe.Writer.CompleteAsync();
        var written = await reading;
        byte[] array = [.. "["u8, .. written, .. "]"u8];
        using var answer = JsonDocument.Parse(array);
        answer.RootElement.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ShouldBe(Enumerable.Range(1, 42).Select(i => (long)i));
    }
}
