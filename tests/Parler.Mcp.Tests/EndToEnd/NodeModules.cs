using System.Reflection;
using Xunit.Abstractions;

namespace Parler.Mcp.Tests.EndToEnd;

/// <summary>
/// The e2e folder's npm packages (the official MCP TypeScript SDK and the MCP Inspector), installed once with npm ci.
/// Null when Node.js or the registry cannot be had outside CI; under CI=true that fails the test instead.
/// </summary>
internal static class NodeModules
{
    public static readonly string Folder = typeof(NodeModules).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "E2eDirectory").Value!;

    private static readonly SemaphoreSlim Install = new(1, 1);

    public static async Task<(string Node, string Npx)?> EnsureAsync(ITestOutputHelper output)
    {
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var node = ToolProcess.FindOnPath("node");
        var npm = ToolProcess.FindOnPath("npm");
        var npx = ToolProcess.FindOnPath("npx");
        if (node is null || npm is null || npx is null)
        {
            onCi.ShouldBeFalse("CI=true but node, npm or npx is not on PATH; .ci/run installs Node for this test");
            output.WriteLine("SKIPPED: the MCP end-to-end tests need Node.js 18+ (node, npm and npx on PATH).");
            return null;
        }

        await Install.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@modelcontextprotocol", "sdk"))
                || !Directory.Exists(Path.Combine(Folder, "node_modules", "@modelcontextprotocol", "inspector")))
            {
                var (installed, log) = await ToolProcess.RunAsync(npm, ["ci", "--no-audit", "--no-fund"], Folder, TimeSpan.FromMinutes(5));
                output.WriteLine(log);
                if (installed != 0 && !onCi)
                {
                    output.WriteLine("SKIPPED: npm ci could not install the e2e packages here (no registry?); CI must.");
                    return null;
                }

                installed.ShouldBe(0, log);
            }
        }
        finally
        {
            Install.Release();
        }

        return (node, npx);
    }
}
