using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Tandem.Matching;

namespace Tandem.Cli;

/// <summary>
/// The binary arc format (docs/matching-format.md, "Binary arc files"): one file with the mentors,
/// their capacities, the mentees and the scored arcs in CSR form, read straight into the solver's
/// arrays. `tandem convert` writes it from the two CSV files; `tandem match --arcs file` reads it
/// (recognised by its magic bytes). Every field is checked on reading, as the CSV reader checks.
/// </summary>
internal static class ArcBinary
{
    private static ReadOnlySpan<byte> Magic => "TNDMARCS"u8;
    private const int Version = 1;
    private const int HeaderSize = 8 + 4 * 4 + 8;

    public static bool IsBinary(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> head = stackalloc byte[8];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && head.SequenceEqual(Magic);
    }

    public static void Write(ArcsInput input, string path)
    {
        // One scale for the whole file: scores read back print with that many decimals.
        var p = input.Problem;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], input.Scale);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], p.MentorCount);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], p.MenteeCount);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], p.ArcMentor.Length);
        stream.Write(header);
        WriteInts(stream, p.Capacities);
        WriteIds(stream, input.Mentors);
        WriteIds(stream, input.Mentees);
        WriteInts(stream, p.RowStart);
        WriteInts(stream, p.ArcMentor);
        stream.Write(MemoryMarshal.AsBytes(p.ArcScore.AsSpan()));
    }

    public static ArcsInput Read(string path)
    {
        if (!BitConverter.IsLittleEndian) throw new InputException(path, 0, "binary arc files are read on little-endian machines only");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        long length = stream.Length;
        Span<byte> header = stackalloc byte[HeaderSize];
        if (stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize || !header[..8].SequenceEqual(Magic))
            throw Bad(path, "not a binary arc file (no TNDMARCS header)");
        int version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version != Version) throw Bad(path, $"version {version}; this tandem reads version {Version}");
        int scale = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        int m = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        int n = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        long arcs = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        if (scale is < 0 or > ArcsInput.MaxDecimals) throw Bad(path, $"scale {scale} is outside 0..{ArcsInput.MaxDecimals}");
        if (m < 0 || n < 0 || arcs < 0 || arcs > Array.MaxLength || n >= Array.MaxLength)
            throw Bad(path, $"counts out of range ({m} mentors, {n} mentees, {arcs} arcs)");
        // Fixed-size sections alone must fit in the file before anything is allocated from the counts.
        if (HeaderSize + 4L * m + 8 + 4L * m + 8 + 4L * n + 4L * (n + 1) + 12L * arcs > length)
            throw Bad(path, "the file is shorter than its header says (truncated?)");

        var caps = ReadInts(stream, m, path, "capacities");
        for (int j = 0; j < m; j++)
        {
            if (caps[j] < 0) throw Bad(path, $"mentor {j}: capacity {caps[j]} is negative");
        }
        var mentors = ReadIds(stream, m, path, "mentor");
        var mentees = ReadIds(stream, n, path, "mentee");
        var rowStart = ReadInts(stream, n + 1, path, "row starts");
        if (rowStart[0] != 0 || rowStart[n] != arcs) throw Bad(path, "row starts must run from 0 to the arc count");
        for (int i = 0; i < n; i++)
        {
            if (rowStart[i + 1] < rowStart[i]) throw Bad(path, $"row starts decrease at mentee '{mentees.Name(i)}'");
        }
        var arcMentor = ReadInts(stream, (int)arcs, path, "arc mentors");
        var arcScore = new long[arcs];
        Fill(stream, MemoryMarshal.AsBytes(arcScore.AsSpan()), path, "arc scores");
        if (stream.Position != length) throw Bad(path, $"{length - stream.Position} bytes after the last section");

        var seen = new int[m];
        for (int i = 0; i < n; i++)
        {
            for (int a = rowStart[i]; a < rowStart[i + 1]; a++)
            {
                int j = arcMentor[a];
                if ((uint)j >= (uint)m) throw Bad(path, $"arc {a} of mentee '{mentees.Name(i)}' names mentor {j}; there are {m}");
                if (seen[j] == i + 1) throw Bad(path, $"duplicate arc {mentees.Name(i)} → {mentors.Name(j)}");
                seen[j] = i + 1;
                if (Math.Abs(arcScore[a]) > ArcsInput.MaxScaled)
                    throw Bad(path, $"arc {mentees.Name(i)} → {mentors.Name(j)}: score {arcScore[a]} does not fit the solver's 64-bit range");
            }
        }
        return new ArcsInput
        {
            Problem = new ArcProblem
            {
                MenteeCount = n, MentorCount = m, Capacities = caps, RowStart = rowStart, ArcMentor = arcMentor, ArcScore = arcScore,
            },
            Mentees = mentees, Mentors = mentors, Scale = scale,
        };
    }

    private static InputException Bad(string path, string message) => new(path, 0, "binary arc file: " + message);

    private static void WriteInts(Stream stream, int[] values) => stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));

    /// <summary>Byte length, the end offset of each id, then the UTF-8 bytes.</summary>
    private static void WriteIds(Stream stream, Utf8IdTable ids)
    {
        var ends = new int[ids.Count];
        int total = 0;
        for (int k = 0; k < ids.Count; k++) ends[k] = total += ids.Key(k).Length;
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, total);
        stream.Write(size);
        WriteInts(stream, ends);
        for (int k = 0; k < ids.Count; k++) stream.Write(ids.Key(k));
    }

    private static Utf8IdTable ReadIds(Stream stream, int count, string path, string side)
    {
        Span<byte> size = stackalloc byte[4];
        Fill(stream, size, path, side + " ids");
        int total = BinaryPrimitives.ReadInt32LittleEndian(size);
        if (total < 0 || total > stream.Length - stream.Position) throw Bad(path, $"{side} ids: {total} bytes do not fit in the file");
        var ends = ReadInts(stream, count, path, side + " ids");
        var bytes = new byte[total];
        Fill(stream, bytes, path, side + " ids");
        var table = new Utf8IdTable();
        int start = 0;
        for (int k = 0; k < count; k++)
        {
            if (ends[k] <= start || ends[k] > total) throw Bad(path, $"{side} id {k}: empty or out of range");
            var id = bytes.AsSpan(start, ends[k] - start);
            table.GetOrAdd(id, out bool added);
            if (!added) throw Bad(path, $"duplicate {side} id '{CsvReader.Text(id)}'");
            start = ends[k];
        }
        if (start != total) throw Bad(path, $"{side} ids: {total - start} bytes left over");
        return table;
    }

    private static int[] ReadInts(Stream stream, int count, string path, string section)
    {
        var values = new int[count];
        Fill(stream, MemoryMarshal.AsBytes(values.AsSpan()), path, section);
        return values;
    }

    private static void Fill(Stream stream, Span<byte> target, string path, string section)
    {
        if (stream.ReadAtLeast(target, target.Length, throwOnEndOfStream: false) < target.Length)
            throw Bad(path, $"{section}: the file ends early (truncated?)");
    }
}
