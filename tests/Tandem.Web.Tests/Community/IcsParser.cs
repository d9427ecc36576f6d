using System.Diagnostics;
using System.Text.Json;

namespace Tandem.Web.Tests.Community;

/// <summary>Parses calendar text with Debian's python3-icalendar, a real consumer. In CI a missing parser fails the test.</summary>
public static class IcsParser
{
    private const string Script = """
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = {"method": str(cal.get("method")), "events": []}
for e in cal.walk("VEVENT"):
    out["events"].append({k: (e.decoded(k).isoformat() if k in ("DTSTART", "DTEND") else str(e.get(k))) for k in e.keys()})
print(json.dumps(out))
""";

    public static async Task<JsonElement> ParseAsync(string ics)
    {
        const string python = "/usr/bin/python3";
        // Never skipped: without the parser (CI included) the test fails.
        if (!File.Exists(python)) throw new InvalidOperationException("python3 (with python3-icalendar) is needed to check calendar files.");
        var start = new ProcessStartInfo(python, ["-c", Script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.BaseStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(ics));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("icalendar could not parse the file (install python3-icalendar): " + error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
