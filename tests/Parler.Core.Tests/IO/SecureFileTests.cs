using Parler.Core.IO;
using Shouldly;

namespace Parler.Core.Tests.IO;

public sealed class SecureFileTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerAll = OwnerReadWrite | UnixFileMode.UserExecute;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void WriteAllTextAtomic_NewFile_WritesContentsOwnerOnly()
    {
        var path = _temp.Combine("secret.json");

        SecureFile.WriteAllTextAtomic(path, "{\"é\":1}");

        File.ReadAllText(path).ShouldBe("{\"é\":1}");
        File.ReadAllBytes(path)[0].ShouldBe((byte)'{');
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(OwnerReadWrite);
        }
    }

    [Fact]
    public async Task WriteAllTextAtomicAsync_NewFile_WritesContentsOwnerOnly()
    {
        var path = _temp.Combine("secret.txt");

        await SecureFile.WriteAllTextAtomicAsync(path, "hello", CancellationToken.None);

        (await File.ReadAllTextAsync(path)).ShouldBe("hello");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(OwnerReadWrite);
        }
    }

    [Fact]
    public async Task WriteAllTextAtomic_ExistingWorldReadableFile_IsReplacedAndNarrowed()
    {
        var path = _temp.Combine("settings.json");
        await File.WriteAllTextAsync(path, "old contents that are longer than the new ones");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        SecureFile.WriteAllTextAtomic(path, "new");
        await SecureFile.WriteAllTextAtomicAsync(path, "newer", CancellationToken.None);

        (await File.ReadAllTextAsync(path)).ShouldBe("newer");
        Directory.GetFiles(_temp.Path).ShouldBe([path]);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(OwnerReadWrite);
        }
    }

    [Fact]
    public void WriteAllTextAtomic_TargetIsADirectory_FailsAndLeavesNoTempFile()
    {
        var path = _temp.Combine("occupied");
        Directory.CreateDirectory(path);

        Should.Throw<IOException>(() => SecureFile.WriteAllTextAtomic(path, "x"));

        Directory.GetFiles(_temp.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteAllTextAtomicAsync_Cancelled_ThrowsAndLeavesNoTempFile()
    {
        var path = _temp.Combine("cancelled.txt");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => SecureFile.WriteAllTextAtomicAsync(path, "x", cts.Token));

        Directory.GetFiles(_temp.Path).ShouldBeEmpty();
    }

    [Fact]
    public void EnsurePrivateDirectory_Missing_CreatesOwnerOnly()
    {
        var path = _temp.Combine("a", "b");

        SecureFile.EnsurePrivateDirectory(path);

        Directory.Exists(path).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(OwnerAll);
        }
    }

    [Fact]
    public void EnsurePrivateDirectory_ExistingOpenDirectory_IsNarrowed()
    {
        var path = _temp.Combine("open");
        Directory.CreateDirectory(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(path, OwnerAll | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

        SecureFile.EnsurePrivateDirectory(path);

        File.GetUnixFileMode(path).ShouldBe(OwnerAll);
    }
}
