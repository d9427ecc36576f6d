using System.Globalization;

namespace Tandem.Web.Features.Public;

/// <summary>Amounts stored in minor units, shown in the reader's culture with the currency's usual symbol.</summary>
public static class Money
{
    // .NET's neutral "en" culture has no currency symbol ("¤"), so the symbol comes from the ISO code.
    private static readonly Dictionary<string, (string Zh, string Other)> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CNY"] = ("¥", "CN¥"),
        ["HKD"] = ("HK$", "HK$"),
        ["USD"] = ("US$", "$"),
        ["EUR"] = ("€", "€"),
        ["GBP"] = ("£", "£"),
    };

    public static string Format(long minor, string currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        var zh = culture.Name.StartsWith("zh", StringComparison.Ordinal);
        format.CurrencySymbol = Symbols.TryGetValue(currency, out var s) ? (zh ? s.Zh : s.Other) : currency.ToUpperInvariant() + " ";
        format.CurrencyDecimalDigits = minor % 100 == 0 ? 0 : 2;
        return (minor / 100m).ToString("C", format);
    }
}
