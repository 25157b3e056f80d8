using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// Commands on a SQLite connection. The shared SQL (<see cref="Relational"/>) numbers its placeholders $1, $2, …, which
/// SQLite reads as parameters named "$1", "$2", …: <see cref="Positional"/> binds values under those names.
/// </summary>
internal static class SqliteQueries
{
    private static readonly string[] Placeholders = [.. Enumerable.Range(1, 16).Select(i => "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The name of the placeholder at <paramref name="index"/> (0-based): "$1" for 0.</summary>
    public static string Placeholder(int index) =>
        index < Placeholders.Length ? Placeholders[index] : "$" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static SqliteCommand Positional(SqliteConnection connection, string sql, object?[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue(Placeholder(i), values[i] ?? DBNull.Value);
        }

        return command;
    }
}
