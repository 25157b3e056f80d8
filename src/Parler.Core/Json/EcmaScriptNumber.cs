using System.Globalization;
using System.Text;

namespace Parler.Core.Json;

/// <summary>Formats a double exactly as ECMAScript's Number.prototype.toString does, as RFC 8785 requires.</summary>
internal static class EcmaScriptNumber
{
    public static double Parse(string text)
    {
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value)
            ? value
            : throw new ArgumentException($"The number {text} is outside the IEEE 754 double range.", nameof(text));
    }

    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("NaN and Infinity have no JSON representation.", nameof(value));
        }

        if (value == 0)
        {
            return "0";
        }

        // "R" yields the shortest digit string that round-trips, which is what ECMAScript picks too;
        // only the layout (where the point goes, when to switch to an exponent) differs.
        var (digits, pointPosition) = Decompose(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var builder = new StringBuilder(32);
        if (value < 0)
        {
            builder.Append('-');
        }

        var k = digits.Length;
        var n = pointPosition;
        if (k <= n && n <= 21)
        {
            builder.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            builder.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            builder.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var exponent = n - 1;
            builder.Append(digits[0]);
            if (k > 1)
            {
                builder.Append('.').Append(digits, 1, k - 1);
            }

            builder.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    // Splits a positive "R" string into significant digits d1..dk and n such that the value is 0.d1..dk × 10^n.
    private static (string Digits, int PointPosition) Decompose(string roundTrip)
    {
        var exponentIndex = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = exponentIndex < 0 ? roundTrip : roundTrip[..exponentIndex];
        var exponent = exponentIndex < 0 ? 0 : int.Parse(roundTrip.AsSpan(exponentIndex + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        var pointIndex = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = pointIndex < 0 ? mantissa : mantissa[..pointIndex];
        var fractionPart = pointIndex < 0 ? string.Empty : mantissa[(pointIndex + 1)..];

        var digits = integerPart + fractionPart;
        var pointPosition = integerPart.Length + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (digits, pointPosition - leadingZeros);
    }
}
