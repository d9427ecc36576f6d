using CsvHelper;
using Microsoft.Extensions.Localization;

namespace Tandem.Web.Features.Imports;

/// <summary>
/// Reads an import file row by row for every import: a header row naming the columns in any order (case and spaces
/// ignored), rows numbered as a spreadsheet shows them (the header is row 1), at most <see cref="MaxRows"/> rows, and a
/// broken quote reported on its row instead of thrown.
/// </summary>
public static class ImportCsv
{
    public const int MaxRows = 50_000;

    /// <summary>One data row: <see cref="Cell"/> is the trimmed value of a column, or null when the file has no such column.</summary>
    public sealed class Row(int number, Func<string, string?> cell)
    {
        public int Number { get; } = number;
        public string? Cell(string column) => cell(column);
    }

    /// <param name="required">The column the file must have; without it the only error is on the header row.</param>
    /// <param name="read">Called for each row; it adds its own errors.</param>
    public static void Read(byte[] csv, string required, string headerHint, List<ImportError> errors, Action<Row> read, IStringLocalizer<ImportsText> t)
    {
        var number = 1;
        var rows = 0;
        try
        {
            using var reader = CsvReader.Create(csv, null);
            var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToList();
            if (!headers.Contains(required))
            {
                errors.Add(new(1, required, headerHint));
                return;
            }
            while (reader.Read())
            {
                number++;
                if (++rows > MaxRows)
                {
                    errors.Add(new(number, "", t["A file can hold at most {0} rows.", MaxRows]));
                    break;
                }
                read(new Row(number, column => headers.IndexOf(column) is var i and >= 0 && i < reader.FieldCount ? reader.GetString(i).Trim() : null));
            }
        }
        catch (CsvFormatException)
        {
            errors.Add(new(number + 1, "", t["This row is not valid CSV (check its quotes and commas); nothing was imported."]));
        }
    }
}
