namespace Parler.Core; internal static class Placeholder;
