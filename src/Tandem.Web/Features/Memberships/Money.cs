using System.Globalization;

namespace Tandem.Web.Features.Memberships;

/// <summary>ISO 4217 codes, minor units and culture-aware formatting for fees (stored as long minor units).</summary>
public static class Money
{
    /// <summary>Every currency some .NET culture uses, e.g. CNY, USD, EUR, JPY.</summary>
    private static readonly HashSet<string> Known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .Where(c => c is { Length: 3 })
        .Select(c => c!)
        .ToHashSet(StringComparer.Ordinal);

    // ISO 4217 currencies whose minor unit is not 1/100.
    private static readonly Dictionary<string, int> Digits = new(StringComparer.Ordinal)
    {
        ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["CLP"] = 0, ["ISK"] = 0, ["PYG"] = 0, ["UGX"] = 0, ["XAF"] = 0, ["XOF"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3, ["LYD"] = 3, ["IQD"] = 3,
    };

    public static bool IsCurrency(string? code) => code is { Length: 3 } && Known.Contains(code);

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static int MinorDigits(string currency) => Digits.GetValueOrDefault(currency, 2);

    /// <summary>Converts an amount to minor units; false when it has more decimals than the currency allows.</summary>
    public static bool TryToMinor(decimal amount, string currency, out long minor)
    {
        var scaled = amount * Pow10(MinorDigits(currency));
        minor = 0;
        if (scaled != decimal.Truncate(scaled) || Math.Abs(scaled) > long.MaxValue / 2) return false;
        minor = (long)scaled;
        return true;
    }

    public static decimal FromMinor(long minor, string currency) => minor / Pow10(MinorDigits(currency));

    /// <summary>"CNY 1,234.50" with the culture's digit grouping and decimal mark; the ISO code keeps ¥ (CNY/JPY) unambiguous.</summary>
    public static string Format(long minor, string currency, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var digits = MinorDigits(currency);
        return currency + "\u00a0" + FromMinor(minor, currency).ToString("N" + digits, culture);
    }

    private static decimal Pow10(int digits) => digits switch { 0 => 1m, 2 => 100m, 3 => 1000m, _ => (decimal)Math.Pow(10, digits) };
}
