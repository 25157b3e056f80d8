using System.Text.Json.Nodes;
using Parler.Core.Identity;
using Shouldly;

namespace Parler.Core.Tests.Identity;

public sealed class IdentityFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Home => _temp.Combine("home");

    private string FilePath => Path.Combine(Home, "identity.json");

    [Fact]
    public void LoadOrCreate_FirstThenSecondCall_KeepsTheSameIdentity()
    {
        var created = IdentityFile.LoadOrCreate(Home, "ada");

        var loaded = IdentityFile.LoadOrCreate(Home, null);

        created.Name.ShouldBe("ada");
        AgentId.IsValid(created.Id).ShouldBeTrue();
        loaded.Id.ShouldBe(created.Id);
        loaded.Name.ShouldBe("ada");
        loaded.Key.ExportSeed().ShouldBe(created.Key.ExportSeed());
    }

    [Fact]
    public void LoadOrCreate_NoName_GeneratesAHandle()
    {
        var created = IdentityFile.LoadOrCreate(Home, null);

        created.Name.ShouldMatch("^[a-z]+-[a-z]+-[0-9]{2}$");
        IdentityFile.LoadOrCreate(Home, null).Name.ShouldBe(created.Name);
    }

    [Fact]
    public void LoadOrCreate_File_HasTheDocumentedShape()
    {
        var created = IdentityFile.LoadOrCreate(Home, "ada");

        var json = JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject();

        json.Select(p => p.Key).ShouldBe(["version", "id", "name", "seed"]);
        json["version"]!.GetValue<int>().ShouldBe(1);
        json["id"]!.GetValue<string>().ShouldBe(created.Id);
        json["name"]!.GetValue<string>().ShouldBe("ada");
        Convert.FromBase64String(json["seed"]!.GetValue<string>()).ShouldBe(created.Key.ExportSeed());
    }

    [Fact]
    public void LoadOrCreate_DifferentRequestedName_UpdatesTheStoredName()
    {
        var created = IdentityFile.LoadOrCreate(Home, "ada");

        var renamed = IdentityFile.LoadOrCreate(Home, "grace");

        renamed.Id.ShouldBe(created.Id);
        renamed.Name.ShouldBe("grace");
        IdentityFile.LoadOrCreate(Home, null).Name.ShouldBe("grace");
        Directory.GetFiles(Home).ShouldBe([FilePath]);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("""{"version":2,"id":"x","name":"n","seed":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}""")]
    [InlineData("""{"version":1,"id":"x","name":"n","seed":"not base64"}""")]
    [InlineData("""{"version":1,"id":"x","name":"n","seed":"AAAA"}""")]
    [InlineData("""{"version":1,"id":"x","name":"n","seed":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}""")]
    public void LoadOrCreate_CorruptFile_ThrowsAndLeavesItUntouched(string contents)
    {
        Directory.CreateDirectory(Home);
        File.WriteAllText(FilePath, contents);

        var error = Should.Throw<InvalidDataException>(() => IdentityFile.LoadOrCreate(Home, "ada"));

        error.Message.ShouldContain(FilePath);
        error.Message.ShouldContain("move it aside");
        File.ReadAllText(FilePath).ShouldBe(contents);
    }

    [Fact]
    public void LoadOrCreate_IdNotMatchingSeed_Throws()
    {
        IdentityFile.LoadOrCreate(Home, "ada");
        var json = JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject();
        json["id"] = AgentKey.Generate().Id;
        var tampered = json.ToJsonString();
        File.WriteAllText(FilePath, tampered);

        Should.Throw<InvalidDataException>(() => IdentityFile.LoadOrCreate(Home, "grace")).Message.ShouldContain("does not match");

        File.ReadAllText(FilePath).ShouldBe(tampered);
    }

    [Fact]
    public void LoadOrCreate_OnUnix_FileIsOwnerOnlyAndWiderModesAreTightened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        IdentityFile.LoadOrCreate(Home, "ada");
        File.GetUnixFileMode(FilePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Home).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        IdentityFile.LoadOrCreate(Home, null);

        File.GetUnixFileMode(FilePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
