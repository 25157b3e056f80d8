using System.Globalization;

namespace Parler.StartupBench;

/// <summary>The medians (wall clock, then CPU time), then each of the issue's targets with its verdict.</summary>
internal static class Report
{
    /// <summary>The prefix of the figures of the --before build.</summary>
    public const string Before = "before: ";

    public static void Print(Figures figures, bool withNode, bool withBefore)
    {
        string[] parler = ["parler --version", "parler send (one-shot, signed in)", "parler mcp: spawn -> initialize", "hub start -> first answer"];
        List<string> others = ["curl, the same signed request"];
        if (withNode)
        {
            others.Add("node SDK server: spawn -> initialize");
        }

        foreach (var suffix in new[] { "", " [cpu]" })
        {
            Console.WriteLine(suffix.Length == 0 ? "wall clock, ms" : "CPU time (user + system), ms");
            foreach (var name in parler)
            {
                Console.WriteLine(figures.Row(name + suffix, "ms"));
                if (withBefore)
                {
                    Console.WriteLine(figures.Row(Before + name + suffix, "ms"));
                }
            }

            foreach (var name in others)
            {
                Console.WriteLine(figures.Row(name + suffix, "ms"));
            }

            Console.WriteLine();
        }

        Console.WriteLine(figures.Row("hub idle RSS", "MiB"));
        if (withBefore)
        {
            Console.WriteLine(figures.Row(Before + "hub idle RSS", "MiB"));
        }

        Console.WriteLine();
        Targets(figures, "", withNode);
        if (withBefore)
        {
            Console.WriteLine("before:");
            Targets(figures, Before, withNode);
        }
    }

    private static void Targets(Figures figures, string label, bool withNode)
    {
        var send = figures.Median(label + "parler send (one-shot, signed in)") / figures.Median("curl, the same signed request");
        Target($"send / curl = {send:F2} (target <= 2)", send <= 2);
        var version = figures.Median(label + "parler --version");
        Target($"--version = {version:F1} ms (target <= 30)", version <= 30);
        if (withNode)
        {
            var mcp = figures.Median(label + "parler mcp: spawn -> initialize") / figures.Median("node SDK server: spawn -> initialize");
            Target($"initialize parler / node = {mcp:F2} (target <= 1)", mcp <= 1);
        }

        var hub = figures.Median(label + "hub start -> first answer");
        Target($"hub start = {hub:F1} ms (target <= 150)", hub <= 150);
    }

    private static void Target(string text, bool met) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(met ? "met    " : "MISSED ")} {text}"));
}
