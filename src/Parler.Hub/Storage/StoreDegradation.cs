using Parler.Hub.Errors;

namespace Parler.Hub.Storage;

/// <summary>Why the record takes no writes, as the registered error writes answer, and since when.</summary>
internal sealed record StoreDegradation(ErrorCode Error, string Reason, DateTimeOffset Since);
