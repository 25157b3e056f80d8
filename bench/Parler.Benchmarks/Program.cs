using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Results go next to the build output, not into whatever folder the command was started from.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(Parler.Benchmarks.PostPathBenchmarks).Assembly).Run(args, config);
