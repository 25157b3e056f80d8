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

    [Fact]
    public void ConnectionString_PasswordFile_IsReadAndTheUrlStaysBare()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "s3cret-from-file\n");
            var error = new StringWriter();
            var host = new CliHost(new StringWriter(), error, name => name == HubRecord.PasswordFileVariable ? file : name == "PGPASSWORD" ? "other" : null, TimeProvider.System);

            var connection = HubRecord.ConnectionString(host, "postgres://parler@db.example:5432/parler");

            new Npgsql.NpgsqlConnectionStringBuilder(connection).Password.ShouldBe("s3cret-from-file");
            error.ToString().ShouldBeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ConnectionString_PasswordInTheUrl_WarnsThatPsShowsIt()
    {
        var error = new StringWriter();
        var host = new CliHost(new StringWriter(), error, _ => null, TimeProvider.System);

        HubRecord.ConnectionString(host, "postgres://parler:hunter2@db.example:5432/parler");

        error.ToString().ShouldContain("'ps'");
        error.ToString().ShouldNotContain("hunter2");
    }
}
