using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>The seed guide's first line, from a checkout: scripts/install.sh builds parler and links it onto the PATH.</summary>
[Trait("Category", "NoHub")]
public sealed class InstallScriptTests : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("parler-install-");

    [Fact]
    public async Task InstallScript_FromACheckout_LinksAWorkingParlerIntoTheInstallFolder()
    {
        var bin = Path.Combine(_folder.FullName, "bin");
        await using var install = Run(Path.Combine(RepositoryRoot(), "scripts", "install.sh"), new()
        {
            ["PARLER_APP_DIR"] = Path.Combine(_folder.FullName, "app"),
            ["PARLER_INSTALL_DIR"] = bin,
        });
        (await install.WaitForExitAsync(BuildTimeout)).ShouldBe(0, install.Transcript());

        await using var help = ChildProcess.Start(Path.Combine(bin, "parler"), ["--help"], new Dictionary<string, string?>());
        (await help.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, help.Transcript());
        help.Output.ShouldContain(line => line.TrimStart().StartsWith("connect", StringComparison.Ordinal));
        install.Errors.ShouldContain($"installed {bin}/parler");
    }

    [Fact]
    public async Task InstallScript_SourceIsNotACheckout_FailsSayingWhatToDo()
    {
        await using var install = Run(Path.Combine(RepositoryRoot(), "scripts", "install.sh"), new()
        {
            ["PARLER_SOURCE"] = _folder.FullName,
            ["PARLER_INSTALL_DIR"] = Path.Combine(_folder.FullName, "bin"),
        });

        (await install.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(1);
        install.Errors.ShouldContain($"parler install: {_folder.FullName} is not a Parler for .NET checkout (no src/Parler.Cli).");
        Directory.Exists(Path.Combine(_folder.FullName, "bin")).ShouldBeFalse();
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static ChildProcess Run(string script, Dictionary<string, string?> environment) =>
        ChildProcess.Start("/bin/sh", [script], environment);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Parler.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Parler.slnx above {AppContext.BaseDirectory}.");
    }
}
