using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Recall_SeveralMemories_ReturnsOnlyMatchesBestFirst()
    {
        await CreateRoomAsync("rm_a");
        await RememberAsync("rm_a", Alice, "lunch is at noon");
        await RememberAsync("rm_a", Alice, "deploy on fridays is forbidden");
        await RememberAsync("rm_a", Alice, "deploy strategy is blue-green, deploy with care");
        await RememberAsync("rm_a", Alice, "the staging database is postgres");

        var found = await Store.RecallAsync("rm_a", "deploy", 20, CancellationToken.None);

        found.Select(f => f.Memory.Text).ShouldBe(["deploy strategy is blue-green, deploy with care", "deploy on fridays is forbidden"]);
        found[0].Memory.Author.ShouldBe(Alice);
        found[0].Memory.Scope.ShouldBe("rm_a");
        (await Store.RecallAsync("rm_a", "deploy", 1, CancellationToken.None)).Count.ShouldBe(1);
        (await Store.RecallAsync("rm_a", "kubernetes", 20, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Recall_SeveralWords_MoreAndRarerWordsFirstThenNewest()
    {
        await CreateRoomAsync("rm_a");
        await RememberAsync("rm_a", Alice, "deploy canary");
        await RememberAsync("rm_a", Alice, "deploy rolling");
        await RememberAsync("rm_a", Alice, "deploy blue");
        await RememberAsync("rm_a", Alice, "canary tweet");
        await RememberAsync("rm_a", Alice, "lunch at noon");

        var found = await Store.RecallAsync("rm_a", "deploy canary", 20, CancellationToken.None);

        found.Select(f => f.Memory.Text).ShouldBe(["deploy canary", "canary tweet", "deploy blue", "deploy rolling"]);
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("NEAR(")]
    [InlineData("*")]
    [InlineData("text: deploy OR AND NOT")]
    [InlineData("deploy\" OR \"x")]
    [InlineData("^ - + ( ) { } :")]
    public async Task Recall_QueryWithSearchSyntax_IsTakenAsPlainWords(string query)
    {
        await CreateRoomAsync("rm_a");
        await RememberAsync("rm_a", Alice, "deploy strategy is blue-green");

        var found = await Store.RecallAsync("rm_a", query, 20, CancellationToken.None);

        found.Count.ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task Remember_SameKeyByTwoMembers_KeepsOneCurrentRowAndEveryFact()
    {
        await CreateRoomAsync("rm_a");
        await Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Joined(Bob, Roles.Member), ct), CancellationToken.None);
        await RememberAsync("rm_a", Alice, "deploy strategy is rolling", "deploy");
        await RememberAsync("rm_a", Bob, "deploy strategy is blue-green", "deploy");

        var found = await Store.RecallAsync("rm_a", "strategy", 20, CancellationToken.None);

        found.Single().Memory.Text.ShouldBe("deploy strategy is blue-green");
        found.Single().Memory.Key.ShouldBe("deploy");
        found.Single().Memory.Author.ShouldBe(Bob);
        (await Store.RecallAsync("rm_a", "rolling", 20, CancellationToken.None)).ShouldBeEmpty();
        var history = (await Store.ReadStreamAsync("rm_a", 0, 100, CancellationToken.None)).Where(f => f.Type == FactTypes.MemoryRemembered).ToList();
        history.Select(f => f.Read<MemoryRemembered>().Text).ShouldBe(["deploy strategy is rolling", "deploy strategy is blue-green"]);
    }

    [Fact]
    public async Task Recall_PrivateMemory_OnlyInItsOwnersScope()
    {
        await CreateRoomAsync("rm_a");
        await RememberAsync(Alice, Alice, "my secret deploy notes");
        await RememberAsync(Bob, Bob, "bob's own deploy notes");

        (await Store.RecallAsync(Alice, "deploy", 20, CancellationToken.None)).Single().Memory.Text.ShouldBe("my secret deploy notes");
        (await Store.RecallAsync(Bob, "deploy", 20, CancellationToken.None)).Single().Memory.Text.ShouldBe("bob's own deploy notes");
        (await Store.RecallAsync("rm_a", "deploy", 20, CancellationToken.None)).ShouldBeEmpty();
    }

    private protected async Task RememberAsync(string stream, string author, string text, string? key = null)
    {
        await Store.WriteAsync(
            (w, ct) => w.AppendAsync(stream, FactDraft.Of(new MemoryRemembered(text, key), author, author, "tok"), ct), CancellationToken.None);
    }
}
