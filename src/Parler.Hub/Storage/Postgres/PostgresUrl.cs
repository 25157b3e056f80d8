using System.Globalization;
using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// Turns a <c>postgres://user[:password]@host[:port]/database[?sslmode=…]</c> URL into an Npgsql connection string.
/// The password comes from the URL or, when the URL has none, from PGPASSWORD.
/// </summary>
internal static class PostgresUrl
{
    private const string Example = "postgres://parler@127.0.0.1:5432/parler";

    public static bool IsPostgres(string database) =>
        database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public static string ToConnectionString(string url, string? environmentPassword)
    {
        if (!IsPostgres(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{Redact(url)}' is not a PostgreSQL URL; use one like {Example}.");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        var (user, password) = UserInfo(uri);
        if (user.Length == 0 || database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{Redact(url)}' needs a user and one database name, like {Example}.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Username = user,
            Database = database,
            Password = password ?? environmentPassword,
            ApplicationName = "parler",
            MaxPoolSize = 40,
            // The writer runs the same few statements for every fact: prepare them once per connection.
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
        };
        foreach (var (name, value) in Query(uri.Query))
        {
            switch (name)
            {
                case "sslmode":
                    builder.SslMode = Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode)
                        ? mode
                        : throw new ArgumentException($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full.");
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                        ? seconds
                        : throw new ArgumentException($"connect_timeout '{value}' is not a number of seconds.");
                    break;
                default:
                    throw new ArgumentException($"The PostgreSQL URL parameter '{name}' is not supported; use sslmode, application_name or connect_timeout.");
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>The URL without its password, for messages and logs.</summary>
    public static string Redact(string url)
    {
        var at = url.LastIndexOf('@');
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var colon = scheme < 0 || at < 0 ? -1 : url.IndexOf(':', scheme + 3, at - scheme - 3);
        return colon < 0 ? url : url[..(colon + 1)] + "***" + url[at..];
    }

    private static (string User, string? Password) UserInfo(Uri uri)
    {
        var info = uri.UserInfo;
        var colon = info.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(info), null)
            : (Uri.UnescapeDataString(info[..colon]), Uri.UnescapeDataString(info[(colon + 1)..]));
    }

    private static IEnumerable<(string Name, string Value)> Query(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return equals < 0
                ? (Uri.UnescapeDataString(pair), "")
                : (Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]));
        });
}
