using System.Globalization;

namespace Parler.StartupBench;

/// <summary>Samples per figure, reported as median (min–max).</summary>
internal sealed class Figures
{
    private readonly Dictionary<string, List<double>> _samples = [];

    public void Add(string name, double value)
    {
        if (!_samples.TryGetValue(name, out var list))
        {
            _samples[name] = list = [];
        }

        list.Add(value);
    }

    public double Median(string name)
    {
        var sorted = _samples[name].Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public string Row(string name, string unit) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name,-48} {Median(name),9:F1} {unit,-4} ({_samples[name].Min():F1}–{_samples[name].Max():F1}, n={_samples[name].Count})");
}
