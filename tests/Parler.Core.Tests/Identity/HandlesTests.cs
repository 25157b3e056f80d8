using System.Text.RegularExpressions;
using Parler.Core.Identity;
using Shouldly;

namespace Parler.Core.Tests.Identity;

public sealed class HandlesTests
{
    [Fact]
    public void Generate_ProducesAdjectiveAnimalNumber()
    {
        var handles = Enumerable.Range(0, 200).Select(_ => Handles.Generate()).ToList();

        foreach (var handle in handles)
        {
            Regex.IsMatch(handle, "^[a-z]+-[a-z]+-[1-9][0-9]$").ShouldBeTrue(handle);
        }

        handles.Distinct().Count().ShouldBeGreaterThan(150);
    }
}
