using System.Globalization;
using System.Security.Cryptography;

namespace Parler.Core.Identity;

/// <summary>Friendly default names such as "brisk-otter-42", for agents that did not pick one.</summary>
internal static class Handles
{
    private static readonly string[] Adjectives =
    [
        "amber", "bold", "brave", "breezy", "bright", "brisk", "calm", "clever", "cosy", "crisp",
        "curious", "daring", "deft", "eager", "fancy", "fleet", "gentle", "glad", "golden", "happy",
        "humble", "jolly", "keen", "kind", "lively", "lucky", "merry", "mellow", "nimble", "noble",
        "plucky", "quick", "quiet", "rapid", "shiny", "snappy", "steady", "sunny", "swift", "witty",
    ];

    private static readonly string[] Animals =
    [
        "badger", "beaver", "bison", "crane", "falcon", "ferret", "finch", "fox", "gecko", "heron",
        "ibex", "jackal", "koala", "lemur", "lynx", "magpie", "marmot", "marten", "mole", "moose",
        "newt", "ocelot", "orca", "osprey", "otter", "owl", "panda", "puffin", "quail", "raven",
        "robin", "salmon", "seal", "stoat", "swan", "tapir", "toucan", "walrus", "wombat", "yak",
    ];

    public static string Generate()
    {
        var adjective = Adjectives[RandomNumberGenerator.GetInt32(Adjectives.Length)];
        var animal = Animals[RandomNumberGenerator.GetInt32(Animals.Length)];
        var number = RandomNumberGenerator.GetInt32(10, 100);
        return string.Create(CultureInfo.InvariantCulture, $"{adjective}-{animal}-{number}");
    }
}
