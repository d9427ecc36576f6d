using CsvHelper;

namespace Tandem.Web.Shared;

/// <summary>
/// The one CSV writer for exports: UTF-8 with a byte order mark (spreadsheets then read Chinese), every field
/// quoted, and cells a spreadsheet would run as a formula (a name like "=HYPERLINK(...)") neutralised.
/// Callers pass invariant-culture text (ISO dates, dot decimals).
/// </summary>
public static class Csv
{
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Quoting = CsvQuoting.Always,
        Injection = CsvInjection.Escape,
    };

    public static byte[] Write<T>(IReadOnlyList<string> header, IEnumerable<T> rows, Func<T, string?[]> cells)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader(header.ToArray());
            foreach (var row in rows) csv.WriteRecord(cells(row));
        }
        return buffer.ToArray();
    }
}
