using System.Diagnostics;

namespace Parler.Tests.Shared;

/// <summary>
/// How tests and benchmarks start a <c>parler</c> (or any) child: every stream redirected, and exactly the PARLER_*
/// variables given, so the caller's own PARLER_HOME or PARLER_HUB never leaks into a child.
/// </summary>
internal static class ChildCommand
{
    public static ProcessStartInfo Create(
        string fileName, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PARLER_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
