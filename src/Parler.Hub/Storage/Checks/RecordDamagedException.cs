namespace Parler.Hub.Storage.Checks;

/// <summary>The hub will not serve this record: the message says what is wrong and what to do (no stack trace is shown).</summary>
internal sealed class RecordDamagedException(string message) : Exception(message);
