using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// The writer's statements, compiled once: Microsoft.Data.Sqlite keeps a compiled statement only as long as its
/// command object lives, and the writer runs the same few statements for every fact.
/// </summary>
internal sealed class SqliteCommandCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The cached command for <paramref name="sql"/> with these parameters bound. Do not dispose it.</summary>
    public SqliteCommand Get(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>The cached command for <paramref name="sql"/> with <paramref name="values"/> bound as $1, $2, …. Do not dispose it.</summary>
    public SqliteCommand Bind(string sql, object?[] values)
    {
        var command = Get(sql);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue(SqliteQueries.Placeholder(i), values[i] ?? DBNull.Value);
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
