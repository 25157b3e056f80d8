namespace Parler.Core.Identity;

/// <summary>Where an agent keeps its identity and settings: $PARLER_HOME, else ~/.parler.</summary>
internal static class ParlerHome
{
    public const string EnvironmentVariable = "PARLER_HOME";
    public const string DefaultDirectoryName = ".parler";

    public static string Resolve(string? parlerHomeEnv, string userHome)
    {
        if (string.IsNullOrWhiteSpace(parlerHomeEnv))
        {
            return Path.Combine(userHome, DefaultDirectoryName);
        }

        // Shells expand "~" only at the start of an unquoted word, so a quoted value can arrive literally.
        if (parlerHomeEnv == "~")
        {
            return userHome;
        }

        if (parlerHomeEnv.Length > 1 && parlerHomeEnv[0] == '~'
            && (parlerHomeEnv[1] == '/' || parlerHomeEnv[1] == Path.DirectorySeparatorChar))
        {
            return Path.Combine(userHome, parlerHomeEnv[2..]);
        }

        return parlerHomeEnv;
    }

    public static string FromEnvironment() =>
        Resolve(
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
}
