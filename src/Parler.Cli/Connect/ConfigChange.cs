namespace Parler.Cli.Connect;

/// <summary>What happened to one host's config file.</summary>
internal enum ConfigChange
{
    Unchanged,
    Written,
    Created,
    Removed,
    Restored,
    Deleted,
    Absent,
}
