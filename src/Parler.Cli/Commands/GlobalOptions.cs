using System.CommandLine;

namespace Parler.Cli.Commands;

/// <summary>Options every command takes, declared once on the root.</summary>
internal static class GlobalOptions
{
    public const string DefaultHub = "http://127.0.0.1:7070";

    public static Option<string?> Hub { get; } = new("--hub")
    {
        Description = $"The hub to use (default: PARLER_HUB or {DefaultHub})",
        Recursive = true,
    };

    public static Option<string?> Name { get; } = new("--name")
    {
        Description = "Display name for this identity (default: PARLER_NAME or a generated handle)",
        Recursive = true,
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON for programs instead of text for people",
        Recursive = true,
    };
}
