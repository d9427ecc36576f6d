using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.WebEncoders;

namespace Tandem.Web.Shared;

/// <summary>
/// By default ASP.NET Core's encoders pass only Basic Latin through and write every Chinese character as a numeric
/// entity (&amp;#x5982;), which makes a Chinese page several times larger and its source unreadable. These are the
/// ranges Tandem's two languages use; the encoders still escape what is special to HTML and JavaScript (&lt; &gt; &amp;
/// quotes) whatever ranges are allowed.
/// </summary>
public static class TextEncoding
{
    public static readonly UnicodeRange[] Ranges =
    [
        UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA, UnicodeRanges.GeneralPunctuation,
        UnicodeRanges.CurrencySymbols, UnicodeRanges.LetterlikeSymbols, UnicodeRanges.Arrows,
        UnicodeRanges.CjkSymbolsandPunctuation, UnicodeRanges.CjkUnifiedIdeographs, UnicodeRanges.CjkUnifiedIdeographsExtensionA,
        UnicodeRanges.CjkCompatibilityIdeographs, UnicodeRanges.HalfwidthandFullwidthForms,
    ];

    /// <summary>Razor pages (HtmlEncoder, UrlEncoder, JavaScriptEncoder) and the JSON API send these characters as they are.</summary>
    public static IServiceCollection AddTandemTextEncoding(this IServiceCollection services)
    {
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(Ranges));
        services.Configure<JsonOptions>(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(Ranges));
        return services;
    }
}
