using System.Text;
using Tandem.Web.Shared.Calendar;

namespace Tandem.Web.Tests.Community;

public sealed class IcsWriterTests
{
    [Fact]
    public async Task LongTextIsEscapedAndFoldedAtSeventyFiveOctetsAndARealParserReadsItBack()
    {
        var description = "Bring one dilemma; we'll suggest solutions, together.\nLine two \\ backslash. " + string.Concat(Enumerable.Repeat("咖啡与交流 ", 20));
        var ics = IcsWriter.Write([new IcsEvent("event-1@tandem", new DateTime(2027, 3, 12, 0, 30, 0, DateTimeKind.Utc), new DateTime(2027, 3, 12, 1, 30, 0, DateTimeKind.Utc),
            "Morning coffee, Beijing; CBD", "Café 1, Guomao", description, "https://tandem.example/Events/1", 2, "CONFIRMED", new IcsPerson("Program team", "coord@example.com"))], "PUBLISH");

        ics.ShouldContain("\r\n");
        ics.Replace("\r\n", "").ShouldNotContain("\n");
        foreach (var line in ics.Split("\r\n")) Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75);
        ics.ShouldContain("SUMMARY:Morning coffee\\, Beijing\\; CBD");

        var parsed = await IcsParser.ParseAsync(ics);
        parsed.GetProperty("method").GetString().ShouldBe("PUBLISH");
        var e = parsed.GetProperty("events")[0];
        e.GetProperty("SUMMARY").GetString().ShouldBe("Morning coffee, Beijing; CBD");
        e.GetProperty("DESCRIPTION").GetString().ShouldBe(description);
        e.GetProperty("DTSTART").GetString().ShouldBe("2027-03-12T00:30:00+00:00");
        e.GetProperty("SEQUENCE").GetString().ShouldBe("2");
        e.GetProperty("UID").GetString().ShouldBe("event-1@tandem");
    }
}
