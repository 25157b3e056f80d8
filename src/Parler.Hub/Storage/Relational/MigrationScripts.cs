using System.Globalization;
using System.Reflection;

namespace Parler.Hub.Storage.Relational;

/// <summary>
/// The numbered migration files of one engine, embedded as <c>{prefix}NNNN_name.sql</c>, in order. Each engine applies
/// them its own way (<see cref="Postgres.PostgresMigrations"/>, <see cref="Sqlite.SqliteMigrations"/>), both recording
/// each in a <c>schema_migrations</c> table and refusing a record migrated by a newer parler.
/// </summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> Load(string prefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^".sql".Length];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (int.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Item1)
            .ToList();
    }

    /// <summary>Refuses a record that holds a migration this parler does not know: a newer parler migrated it.</summary>
    public static void RefuseNewer(IEnumerable<int> applied, IReadOnlyList<(int Version, string Name, string Sql)> known)
    {
        var versions = known.Select(m => m.Version).ToHashSet();
        if (applied.FirstOrDefault(v => !versions.Contains(v)) is var newer and > 0)
        {
            throw new InvalidOperationException(
                $"The database has schema migration {newer}, which this parler does not know: it was migrated by a newer parler. Run that version.");
        }
    }
}
