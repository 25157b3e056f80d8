namespace Parler.EndToEnd.Tests.Harness;

/// <summary>A <see cref="HubFixture"/> on PostgreSQL whatever PARLER_E2E_STORE says: for tests of several hubs on one database.</summary>
public sealed class PostgresHubFixture : HubFixture
{
    protected override bool Postgres => true;
}
