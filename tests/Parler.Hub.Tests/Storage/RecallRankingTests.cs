using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage;

public sealed class RecallRankingTests
{
    [Fact]
    public void Best_WordsOfDifferentRarity_RanksBothThenRarerThenNewest()
    {
        long[] common = [9, 8, 7, 5, 3];
        long[] rare = [6, 3];

        RecallRanking.Best([common, rare], 10).ShouldBe([3, 6, 9, 8, 7, 5]);
    }

    [Fact]
    public void Best_OneWord_NewestFirstUpToTheLimit()
    {
        RecallRanking.Best([new long[] { 4, 2, 1 }], 2).ShouldBe([4, 2]);
    }

    [Fact]
    public void Best_NoMatches_IsEmpty()
    {
        RecallRanking.Best([Array.Empty<long>(), Array.Empty<long>()], 10).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, RecallRanking.PerWord)]
    [InlineData(8, RecallRanking.PerWord)]
    [InlineData(16, 500)]
    [InlineData(500, 100)]
    public void WindowPerWord_LongerQueries_ShareTheCandidates(int words, int window)
    {
        RecallRanking.WindowPerWord(words).ShouldBe(window);
    }
}
