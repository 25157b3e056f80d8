using Microsoft.Extensions.Logging;

namespace Parler.Hub.Blobs;

internal static partial class BlobTransfer
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "Blob {Hash} in the blob store is missing or does not match its hash; refused to serve it")]
        public static partial void BlobCorrupt(ILogger logger, string hash);
    }
}
