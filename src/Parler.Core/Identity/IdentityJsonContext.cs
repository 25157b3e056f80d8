using System.Text.Json.Serialization;

namespace Parler.Core.Identity;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(IdentityDocument))]
internal sealed partial class IdentityJsonContext : JsonSerializerContext;
