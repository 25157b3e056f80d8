namespace Parler.Cli.Connect;

/// <summary>The absolute path of the <c>parler</c> binary that hosts should run (PARLER_EXECUTABLE overrides).</summary>
internal static class ConnectCommandExecutable
{
    public static string Resolve(CliHost host)
    {
        if (host.Environment("PARLER_EXECUTABLE") is { Length: > 0 } explicitPath)
        {
            return Path.GetFullPath(explicitPath);
        }

        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("parler", StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        // Run as 'dotnet parler.dll' (or inside a test host): the apphost beside the assembly.
        var beside = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "parler.exe" : "parler");
        return File.Exists(beside) ? beside : process ?? beside;
    }
}
