using Parler.Hub.Limits;

namespace Parler.Hub.Tests.Actions;

public sealed class LimitRuleTests
{
    [Fact]
    public void LongestWindow_EveryRule_FitsInsideIt()
    {
        var limits = new HubLimits();
        var rules = typeof(HubLimits).GetProperties().Where(p => p.PropertyType == typeof(LimitRule)).Select(p => (LimitRule)p.GetValue(limits)!).ToList();

        rules.Count.ShouldBeGreaterThan(5);
        rules.ShouldAllBe(r => r.Window <= HubLimits.LongestWindow);
    }
}
