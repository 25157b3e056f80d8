using Parler.Cli.Commands;

namespace Parler.Cli.Tests;

public sealed class HubRecordTests
{
    private const UnixFileMode Shared = (UnixFileMode)0b111_101_101;

    [Fact]
    public void PrepareFolder_ExistingFolder_KeepsItsMode()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("parler-record-").FullName;
        try
        {
            File.SetUnixFileMode(folder, Shared);

            HubRecord.PrepareFolder(Path.Combine(folder, "hub.db"));

            File.GetUnixFileMode(folder).ShouldBe(Shared);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PrepareFolder_MissingFolder_IsMadeOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var parent = Directory.CreateTempSubdirectory("parler-record-").FullName;
        try
        {
            var folder = Path.Combine(parent, "records");

            HubRecord.PrepareFolder(Path.Combine(folder, "hub.db"));

            File.GetUnixFileMode(folder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
