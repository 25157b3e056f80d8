using System.Globalization;

namespace Parler.StartupBench;

/// <summary>The medians, then each of the issue's targets with its verdict.</summary>
internal static class Report
{
    public static void Print(Figures figures, bool withNode)
    {
        string[] timed = ["parler --version", "parler send (one-shot, signed in)", "curl, the same signed request", "parler mcp: spawn -> initialize"];
        foreach (var name in timed)
        {
            Console.WriteLine(figures.Row(name, "ms"));
        }

        if (withNode)
        {
            Console.WriteLine(figures.Row("node SDK server: spawn -> initialize", "ms"));
        }

        Console.WriteLine(figures.Row("hub start -> first answer", "ms"));
        Console.WriteLine(figures.Row("hub idle RSS", "MiB"));
        Console.WriteLine();

        var send = figures.Median("parler send (one-shot, signed in)") / figures.Median("curl, the same signed request");
        Target($"send / curl = {send:F2} (target <= 2)", send <= 2);
        Target($"--version = {figures.Median("parler --version"):F1} ms (target <= 30)", figures.Median("parler --version") <= 30);
        if (withNode)
        {
            var mcp = figures.Median("parler mcp: spawn -> initialize") / figures.Median("node SDK server: spawn -> initialize");
            Target($"initialize parler / node = {mcp:F2} (target <= 1)", mcp <= 1);
        }

        Target($"hub start = {figures.Median("hub start -> first answer"):F1} ms (target <= 150)", figures.Median("hub start -> first answer") <= 150);
    }

    private static void Target(string text, bool met) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(met ? "met    " : "MISSED ")} {text}"));
}
