using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>
/// The seed guide's first line: scripts/install.sh installs a release archive for this OS and CPU after checking its
/// SHA-256, or (--from-source) builds parler from a checkout; either way it links it onto the PATH.
/// </summary>
[Trait("Category", "NoHub")]
public sealed class InstallScriptTests : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("parler-install-");

    [Fact]
    public async Task InstallScript_FromACheckout_LinksAWorkingParlerIntoTheInstallFolder()
    {
        var bin = Path.Combine(_folder.FullName, "bin");
        await using var install = Run(Path.Combine(RepositoryRoot(), "scripts", "install.sh"), ["--from-source"], new()
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
        await using var install = Run(Path.Combine(RepositoryRoot(), "scripts", "install.sh"), [], new()
        {
            ["PARLER_SOURCE"] = _folder.FullName,
            ["PARLER_INSTALL_DIR"] = Path.Combine(_folder.FullName, "bin"),
        });

        (await install.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(1);
        install.Errors.ShouldContain($"parler install: {_folder.FullName} is not a Parler for .NET checkout (no src/Parler.Cli).");
        Directory.Exists(Path.Combine(_folder.FullName, "bin")).ShouldBeFalse();
    }

    [Fact]
    public async Task InstallScript_FromAReleaseFolder_ChecksTheSumAndLinksTheExecutable()
    {
        var release = await FakeReleaseAsync(tamper: false);
        var bin = Path.Combine(_folder.FullName, "bin");

        await using var install = Run(Path.Combine(RepositoryRoot(), "scripts", "install.sh"), [], new()
        {
            ["PARLER_RELEASE_URL"] = release,
            ["PARLER_APP_DIR"] = Path.Combine(_folder.FullName, "app"),
            ["PARLER_INSTALL_DIR"] = bin,
        });

        (await install.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, install.Transcript());
        install.Errors.ShouldContain($"parler 9.9.9 for {Rid}, checksum verified");
        await using var version = ChildProcess.Start(Path.Combine(bin, "parler"), ["--version"], new Dictionary<string, string?>());
        (await version.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, version.Transcript());
        version.Output.ShouldContain("9.9.9");
    }

    [Fact]
    public async Task InstallScript_ArchiveDoesNotMatchItsSum_InstallsNothing()
    {
        var release = await FakeReleaseAsync(tamper: true);
        var bin = Path.Combine(_folder.FullName, "bin");

        await using var install = Run(Path.Combine(RepositoryRoot(), "scripts", "install.sh"), [], new()
        {
            ["PARLER_RELEASE_URL"] = release,
            ["PARLER_APP_DIR"] = Path.Combine(_folder.FullName, "app"),
            ["PARLER_INSTALL_DIR"] = bin,
        });

        (await install.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(1, install.Transcript());
        install.Errors.ShouldContain(line => line.Contains($"parler-{Rid}.tar.gz does not match its SHA-256 in SHA256SUMS", StringComparison.Ordinal));
        Directory.Exists(bin).ShouldBeFalse();
        Directory.Exists(Path.Combine(_folder.FullName, "app")).ShouldBeFalse();
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Rid => $"linux-{(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "x64")}";

    /// <summary>A release folder as scripts/release.sh lays it out, holding a stand-in parler that prints its version.</summary>
    private async Task<string> FakeReleaseAsync(bool tamper)
    {
        var release = Directory.CreateDirectory(Path.Combine(_folder.FullName, "release")).FullName;
        var program = Directory.CreateDirectory(Path.Combine(_folder.FullName, "stage", $"parler-{Rid}")).FullName;
        await File.WriteAllTextAsync(Path.Combine(program, "parler"), "#!/bin/sh\necho 9.9.9\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(program, "parler"), (UnixFileMode)0b111_101_101);
        }
        await File.WriteAllTextAsync(Path.Combine(program, "VERSION"), "9.9.9\n");
        var archive = Path.Combine(release, $"parler-{Rid}.tar.gz");
        await using (var tar = ChildProcess.Start("tar", ["-C", Path.GetDirectoryName(program)!, "-czf", archive, $"parler-{Rid}"], new Dictionary<string, string?>()))
        {
            (await tar.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, tar.Transcript());
        }

        var sum = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(archive)));
        await File.WriteAllTextAsync(Path.Combine(release, "SHA256SUMS"), $"{sum}  parler-{Rid}.tar.gz\n");
        if (tamper)
        {
            await File.AppendAllTextAsync(archive, "x");
        }

        return release;
    }

    private static ChildProcess Run(string script, string[] arguments, Dictionary<string, string?> environment) =>
        ChildProcess.Start("/bin/sh", [script, .. arguments], environment);

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
