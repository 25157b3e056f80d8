using Parler.Core.IO;
using Shouldly;

namespace Parler.Core.Tests.IO;

public sealed class ProgressStreamTests
{
    [Fact]
    public async Task Read_ToTheEnd_TellsEveryRunningTotalAndLeavesTheInnerStreamOpen()
    {
        var inner = new MemoryStream(new byte[10_000]);
        var told = new List<long>();

        await using (var watched = new ProgressStream(inner, told.Add))
        {
            await watched.CopyToAsync(Stream.Null, 4096);
        }

        told.ShouldBe([4096, 8192, 10_000]);
        inner.CanRead.ShouldBeTrue();
    }

    [Fact]
    public void Position_SetBackForASecondSend_CountsFromThereAgain()
    {
        var told = new List<long>();
        var watched = new ProgressStream(new MemoryStream(new byte[100]), told.Add);

        watched.ReadExactly(new byte[60]);
        watched.Position = 0;
        watched.ReadExactly(new byte[10]);

        told.ShouldBe([60, 10]);
    }
}
