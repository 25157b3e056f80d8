namespace Parler.Hub.Storage.Checks;

/// <summary>What a check of the record found: every problem (empty when sound), and what it looked at.</summary>
internal sealed record RecordReport(IReadOnlyList<string> Problems, int Streams, long FactsChecked, long FactsHeld)
{
    public bool Sound => Problems.Count == 0;
}
