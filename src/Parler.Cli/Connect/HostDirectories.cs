namespace Parler.Cli.Connect;

/// <summary>The per-user folders hosts keep their settings in, from HOME, APPDATA and XDG_CONFIG_HOME.</summary>
internal sealed record HostDirectories(HostPlatform Platform, string Home, string AppConfig, string XdgConfig)
{
    public static HostDirectories From(HostPlatform platform, Func<string, string?> environment)
    {
        var home = NonEmpty(environment("HOME")) ?? NonEmpty(environment("USERPROFILE"))
            ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var xdg = NonEmpty(environment("XDG_CONFIG_HOME")) ?? Path.Combine(home, ".config");
        var appConfig = platform switch
        {
            HostPlatform.Windows => NonEmpty(environment("APPDATA")) ?? Path.Combine(home, "AppData", "Roaming"),
            HostPlatform.MacOS => Path.Combine(home, "Library", "Application Support"),
            _ => xdg,
        };
        return new HostDirectories(platform, home, appConfig, xdg);
    }

    public static HostPlatform Current =>
        OperatingSystem.IsWindows() ? HostPlatform.Windows : OperatingSystem.IsMacOS() ? HostPlatform.MacOS : HostPlatform.Linux;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
