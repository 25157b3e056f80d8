namespace Parler.Hub; internal static class Placeholder;
