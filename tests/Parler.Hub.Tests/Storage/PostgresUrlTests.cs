using Npgsql;
using Parler.Hub.Storage.Postgres;

namespace Parler.Hub.Tests.Storage;

public sealed class PostgresUrlTests
{
    [Theory]
    [InlineData("postgres://parler@127.0.0.1:5432/parler", "127.0.0.1", 5432, "parler", "parler", null)]
    [InlineData("postgresql://ann:s%40cret@db.example:6543/team", "db.example", 6543, "ann", "team", "s@cret")]
    [InlineData("postgres://bob@localhost/hub", "localhost", 5432, "bob", "hub", null)]
    public void ToConnectionString_Url_HostPortUserDatabasePassword(string url, string host, int port, string user, string database, string? password)
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(url, environmentPassword: null));

        built.Host.ShouldBe(host);
        built.Port.ShouldBe(port);
        built.Username.ShouldBe(user);
        built.Database.ShouldBe(database);
        built.Password.ShouldBe(password);
    }

    [Fact]
    public void ToConnectionString_NoPasswordInUrl_TakesPgPassword()
    {
        new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgres://u@h/d", "from-env")).Password.ShouldBe("from-env");
        new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgres://u:in-url@h/d", "from-env")).Password.ShouldBe("in-url");
    }

    [Fact]
    public void ToConnectionString_SslMode_Mapped()
    {
        new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgres://u@h/d?sslmode=verify-full", null)).SslMode.ShouldBe(SslMode.VerifyFull);
    }

    [Theory]
    [InlineData("postgres://h/d", "needs a user")]
    [InlineData("postgres://u@h", "needs a user and one database")]
    [InlineData("postgres://u@h/a/b", "one database")]
    [InlineData("mysql://u@h/d", "is not a PostgreSQL URL")]
    [InlineData("postgres://u@h/d?sslmode=sometimes", "sslmode 'sometimes'")]
    [InlineData("postgres://u@h/d?pool=9", "'pool' is not supported")]
    public void ToConnectionString_BadUrl_SaysWhatToWrite(string url, string expected)
    {
        var error = Should.Throw<ArgumentException>(() => PostgresUrl.ToConnectionString(url, null));

        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Redact_UrlWithPassword_HidesIt()
    {
        PostgresUrl.Redact("postgres://ann:secret@h:5432/d").ShouldBe("postgres://ann:***@h:5432/d");
        PostgresUrl.Redact("postgres://ann@h/d").ShouldBe("postgres://ann@h/d");
    }
}
