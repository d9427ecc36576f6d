using System.Text;

namespace Tandem.Cli;

/// <summary>A problem in an input file, reported as "file:line: message".</summary>
internal sealed class InputException(string file, int line, string message)
    : Exception(line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}");

/// <summary>Minimal CSV reading (RFC 4180 quotes, one record per line) with line numbers.</summary>
internal static class CsvInput
{
    public static IEnumerable<(int Line, string[] Fields)> Read(string path, string[] header)
    {
        if (!File.Exists(path)) throw new InputException(path, 0, "file not found");
        int lineNo = 0;
        bool sawHeader = false;
        foreach (string raw in File.ReadLines(path))
        {
            lineNo++;
            if (raw.Trim().Length == 0) continue;
            var fields = Split(raw, path, lineNo);
            if (!sawHeader)
            {
                if (fields.Length != header.Length
                    || !fields.Select(f => f.Trim()).SequenceEqual(header, StringComparer.OrdinalIgnoreCase))
                {
                    throw new InputException(path, lineNo, $"expected header '{string.Join(',', header)}', found '{raw}'");
                }
                sawHeader = true;
                continue;
            }
            if (fields.Length != header.Length)
                throw new InputException(path, lineNo, $"expected {header.Length} columns ({string.Join(',', header)}), found {fields.Length}");
            for (int k = 0; k < fields.Length; k++) fields[k] = fields[k].Trim();
            yield return (lineNo, fields);
        }
        if (!sawHeader) throw new InputException(path, 1, $"missing header '{string.Join(',', header)}' (file is empty)");
    }

    private static string[] Split(string line, string path, int lineNo)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int k = 0; k < line.Length; k++)
        {
            char ch = line[k];
            if (quoted)
            {
                if (ch == '"' && k + 1 < line.Length && line[k + 1] == '"') { current.Append('"'); k++; }
                else if (ch == '"') quoted = false;
                else current.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }
        if (quoted) throw new InputException(path, lineNo, "unterminated quoted field");
        fields.Add(current.ToString());
        return [.. fields];
    }

    /// <summary>Quotes a field when it needs it.</summary>
    public static string Field(string s)
        => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
