using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// A prepared statement's steps and current row, called by the statement's raw pointer. SQLitePCL's calls take the
/// statement's SafeHandle, which adds and releases a reference on every call: 13% of a catch-up's CPU for 17 calls a row.
/// The column reads only copy out of the row SQLite already holds, so they skip the GC transition too. The caller keeps
/// the statement's handle alive (and un-finalized) for as long as it steps.
/// </summary>
internal static unsafe partial class SqliteRow
{
    private const string Library = "e_sqlite3";

    /// <summary>The column's bytes as SQLite holds them (a TEXT column's UTF-8), valid until the next step.</summary>
    public static ReadOnlySpan<byte> Bytes(nint statement, int column)
    {
        // The pointer first, then the length: the order SQLite documents for a value it may convert.
        var bytes = ColumnBlob(statement, column);
        return new ReadOnlySpan<byte>(bytes, ColumnBytes(statement, column));
    }

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Step(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [SuppressGCTransition]
    public static partial long Int64(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_blob")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [SuppressGCTransition]
    private static partial byte* ColumnBlob(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    [SuppressGCTransition]
    private static partial int ColumnBytes(nint statement, int column);
}
