using System.Diagnostics;

namespace Parler.StartupBench;

/// <summary>The yardstick MCP server: node/server.mjs on the official TypeScript SDK (npm ci on first use).</summary>
internal static class NodeYardstick
{
    public static async Task<ProcessStartInfo?> PrepareAsync(string repository)
    {
        var folder = Path.Combine(repository, "bench", "Parler.StartupBench", "node");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            var npm = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--silent"]) { WorkingDirectory = folder };
            using var install = Process.Start(npm);
            if (install is null)
            {
                return null;
            }

            await install.WaitForExitAsync();
            if (install.ExitCode != 0)
            {
                await Console.Error.WriteLineAsync("npm ci failed: the Node SDK server is left out of this run.");
                return null;
            }
        }

        var start = Launch.Command("node", [Path.Combine(folder, "server.mjs")], new Dictionary<string, string>());
        start.WorkingDirectory = folder;
        return start;
    }
}
