namespace Parler.Cli.Connect;

/// <summary>Whose path table to use; tests pass each one explicitly.</summary>
internal enum HostPlatform
{
    Linux,
    MacOS,
    Windows,
}
