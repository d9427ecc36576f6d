using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Tandem.Cli;

/// <summary>A problem in an input file, reported as "file:line: message".</summary>
internal sealed class InputException(string file, long line, string message)
    : Exception(line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}");

/// <summary>
/// CSV over raw UTF-8 bytes, one record per line (RFC 4180 quotes within a line), with line numbers.
/// A leading byte-order mark is skipped, CRLF and LF both end a line, blank lines are skipped and
/// fields are trimmed of ASCII whitespace. Lines are handed out as spans into a reused buffer: no
/// string is built for a field unless the caller asks for one.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    private const int ChunkSize = 1 << 20;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[ChunkSize];
    private byte[] _unquoted = [];
    private int _start, _end;
    private bool _eof, _first = true;

    public CsvReader(string path)
    {
        Path = path;
        if (!File.Exists(path)) throw new InputException(path, 0, "file not found");
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
    }

    public string Path { get; }

    /// <summary>Line number of the line last returned (1-based, counting blank lines).</summary>
    public long Line { get; private set; }

    /// <summary>The next non-blank line without its line ending, or false at the end of the file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool NextLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl < 0 && !_eof)
            {
                Fill();
                continue;
            }
            if (nl < 0 && _start == _end)
            {
                line = default;
                return false;
            }
            int length = nl < 0 ? _end - _start : nl;
            var raw = _buffer.AsSpan(_start, length);
            _start += nl < 0 ? length : length + 1;
            Line++;
            if (raw.Length > 0 && raw[^1] == (byte)'\r') raw = raw[..^1];
            if (_first)
            {
                _first = false;
                if (raw.StartsWith("\uFEFF"u8)) raw = raw[3..];
            }
            if (raw.Trim(" \t"u8).IsEmpty) continue;
            line = raw;
            return true;
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2); // a line longer than the buffer
        int got = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (got == 0) _eof = true;
        _end += got;
    }

    /// <summary>
    /// Splits a line into exactly <paramref name="fields"/>.Length trimmed fields (ranges into the
    /// returned span). Quoted fields are unquoted into a scratch buffer; the usual unquoted line is
    /// split in place. Throws with the line number when the column count is wrong.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Split(ReadOnlySpan<byte> line, scoped Span<Range> fields, string columns)
    {
        ReadOnlySpan<byte> source = line;
        int count;
        if (line.IndexOf((byte)'"') < 0)
        {
            count = SplitPlain(line, fields);
        }
        else
        {
            source = Unquote(line, fields, out count);
        }
        if (count != fields.Length)
            throw new InputException(Path, Line, $"expected {fields.Length} columns ({columns}), found {count}");
        for (int k = 0; k < fields.Length; k++) fields[k] = Trim(source, fields[k]);
        return source;
    }

    private static int SplitPlain(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        int count = 0, start = 0;
        while (true)
        {
            int comma = line[start..].IndexOf((byte)',');
            int end = comma < 0 ? line.Length : start + comma;
            if (count < fields.Length) fields[count] = start..end;
            count++;
            if (comma < 0) return count;
            start = end + 1;
        }
    }

    private ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> line, scoped Span<Range> fields, out int count)
    {
        if (_unquoted.Length < line.Length) _unquoted = new byte[Math.Max(line.Length, 256)];
        int w = 0, fieldStart = 0;
        count = 0;
        bool quoted = false;
        for (int k = 0; k < line.Length; k++)
        {
            byte b = line[k];
            if (quoted)
            {
                if (b == (byte)'"' && k + 1 < line.Length && line[k + 1] == (byte)'"') { _unquoted[w++] = b; k++; }
                else if (b == (byte)'"') quoted = false;
                else _unquoted[w++] = b;
            }
            else if (b == (byte)'"') quoted = true;
            else if (b == (byte)',')
            {
                if (count < fields.Length) fields[count] = fieldStart..w;
                count++;
                fieldStart = w;
            }
            else _unquoted[w++] = b;
        }
        if (quoted) throw new InputException(Path, Line, "unterminated quoted field");
        if (count < fields.Length) fields[count] = fieldStart..w;
        count++;
        return _unquoted.AsSpan(0, w);
    }

    private static Range Trim(ReadOnlySpan<byte> source, Range r)
    {
        var (offset, length) = r.GetOffsetAndLength(source.Length);
        while (length > 0 && IsSpace(source[offset])) { offset++; length--; }
        while (length > 0 && IsSpace(source[offset + length - 1])) length--;
        return offset..(offset + length);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>Reads the header line (the first non-blank one) and checks it, case-insensitively.</summary>
    public void ExpectHeader(params string[] header)
    {
        string columns = string.Join(',', header);
        if (!NextLine(out var line)) throw new InputException(Path, 1, $"missing header '{columns}' (file is empty)");
        Span<Range> fields = stackalloc Range[header.Length];
        ReadOnlySpan<byte> source = line;
        int count = line.IndexOf((byte)'"') < 0 ? SplitPlain(line, fields) : -1;
        if (count < 0) source = Unquote(line, fields, out count);
        bool ok = count == header.Length;
        for (int k = 0; ok && k < header.Length; k++)
            ok = Ascii.EqualsIgnoreCase(source[Trim(source, fields[k])], header[k]);
        if (!ok) throw new InputException(Path, Line, $"expected header '{columns}', found '{Text(line)}'");
    }

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>Counts lines (a last line without a line feed included): an upper bound on the records,
    /// so arrays can be sized once instead of grown and copied.</summary>
    public static long CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long lines = 0;
            int got;
            byte last = (byte)'\n';
            while ((got = stream.Read(buffer, 0, ChunkSize)) > 0)
            {
                lines += buffer.AsSpan(0, got).Count((byte)'\n');
                last = buffer[got - 1];
            }
            return last == (byte)'\n' ? lines : lines + 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The line number of the <paramref name="record"/>-th record after the header (0-based),
    /// found by reading again: error paths only, so the fast path keeps no line per record.</summary>
    public static long LineOfRecord(string path, long record)
    {
        using var reader = new CsvReader(path);
        reader.NextLine(out _);
        for (long k = 0; k <= record; k++)
        {
            if (!reader.NextLine(out _)) return 0;
        }
        return reader.Line;
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Quotes a field when it needs it.</summary>
    public static string Field(string s)
        => s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
