using Parler.Client;
using Parler.Core.Identity;
using Parler.Hub;

namespace Parler.Cli.Tests.Connect;

public sealed class TeamHubTests : IAsyncLifetime
{
    private const string Secret = "correct-horse";
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-team-").FullName;
    private HubHost? _hub;
    private string _fingerprint = "";

    public async Task InitializeAsync()
    {
        using var certificate = HubCertificate.LoadOrCreate(_folder, TimeProvider.System);
        _fingerprint = HubCertificate.Fingerprint(certificate);
        _hub = await HubHost.StartAsync(
            new HubOptions
            {
                Address = "127.0.0.1:0",
                DatabasePath = Path.Combine(_folder, "hub.db"),
                JoinSecret = Secret,
                Certificate = HubCertificate.LoadOrCreate(_folder, TimeProvider.System),
            },
            TimeProvider.System,
            logging: null,
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _hub!.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<HubClientException?> SignInAsync(string who, string? pin, string? secret)
    {
        var home = Path.Combine(_folder, who);
        var url = pin is null ? _hub!.Url : HubPin.WithPin(_hub!.Url, pin);
        if (secret is not null)
        {
            JoinSecretFile.Write(home, url, secret);
        }

        using var client = new HubClient(url, IdentityFile.LoadOrCreate(home, who), new TokenCache(home), TimeProvider.System);
        try
        {
            await client.SignInAsync(CancellationToken.None);
            return null;
        }
        catch (HubClientException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task SignIn_PinnedCertificateAndSecret_IsAccepted()
    {
        _hub!.Url.Scheme.ShouldBe("https");
        (await SignInAsync("ann", _fingerprint, Secret)).ShouldBeNull();
    }

    [Fact]
    public async Task SignIn_WrongSecret_IsRefused()
    {
        var refused = (await SignInAsync("bob", _fingerprint, "guess")).ShouldNotBeNull();
        refused.Problem!.Code.ShouldBe("join_secret_required");
    }

    [Fact]
    public async Task SignIn_WrongCertificatePin_IsRefusedBeforeAnythingIsSent()
    {
        var refused = (await SignInAsync("eve", new string('A', 64), Secret)).ShouldNotBeNull();
        refused.Unreachable.ShouldBeTrue();
    }

    [Fact]
    public async Task SignIn_NoPin_SelfSignedCertificateIsNotTrusted() =>
        (await SignInAsync("joe", null, Secret)).ShouldNotBeNull().Unreachable.ShouldBeTrue();

    [Fact]
    public void Certificate_SecondLoad_IsTheSameCertificateAndOwnerOnly()
    {
        using var again = HubCertificate.LoadOrCreate(_folder, TimeProvider.System);
        HubCertificate.Fingerprint(again).ShouldBe(_fingerprint);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(_folder, HubCertificate.KeyFile)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Hub_BeyondLoopbackWithoutSecret_Refuses()
    {
        var result = await CliHarness.RunWithAsync(
            new() { ["PARLER_HOME"] = Path.Combine(_folder, "lan") }, "hub", "--addr", "0.0.0.0:0");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldContain("beyond loopback a hub needs a join secret");
    }
}
