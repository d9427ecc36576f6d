using System.Globalization;
using System.Runtime.CompilerServices;
using Tandem.Matching;

namespace Tandem.Cli;

/// <summary>
/// The scored pairs of `tandem match --arcs`: an <see cref="ArcProblem"/>, the ids, and what is needed
/// to print each score exactly as it was given. Every score is <c>ArcScore / 10^Scale</c>.
/// </summary>
internal sealed class ArcsInput
{
    /// <summary>Scores are scaled to integers by 10^Scale; beyond this a long cannot hold them.</summary>
    public const int MaxDecimals = 18;
    public const long MaxScaled = long.MaxValue / 4;

    public required ArcProblem Problem { get; init; }
    public required Utf8IdTable Mentees { get; init; }
    public required Utf8IdTable Mentors { get; init; }
    public required int Scale { get; init; }

    /// <summary>Decimal places each score was written with (CSR order); null: all with <see cref="Scale"/>.</summary>
    public byte[]? Decimals { get; init; }

    /// <summary>Scores whose text is not the plain form of their value ("+5", ".5", "007"), by arc.</summary>
    public Dictionary<int, string>? OddText { get; init; }

    public int ArcOf(int mentee, int mentor)
    {
        for (int a = Problem.RowStart[mentee]; a < Problem.RowStart[mentee + 1]; a++)
        {
            if (Problem.ArcMentor[a] == mentor) return a;
        }
        throw new InvalidOperationException("Matched pair without an arc.");
    }

    /// <summary>The score as the input wrote it.</summary>
    public string ScoreText(int arc)
    {
        if (OddText is not null && OddText.TryGetValue(arc, out var text)) return text;
        int d = Decimals?[arc] ?? Scale;
        return Fixed(Problem.ArcScore[arc] / Pow10(Scale - d), d);
    }

    /// <summary>The exact sum of the given arcs' scores: integers without a point, no trailing zeros.</summary>
    public string Total(IEnumerable<int> arcs)
    {
        Int128 sum = 0;
        foreach (int a in arcs) sum += Problem.ArcScore[a];
        string s = Fixed(sum, Scale);
        return Scale == 0 ? s : s.TrimEnd('0').TrimEnd('.');
    }

    internal static long Pow10(int k)
    {
        long p = 1;
        for (int q = 0; q < k; q++) p *= 10;
        return p;
    }

    private static string Fixed(Int128 value, int decimals)
    {
        bool negative = value < 0;
        Int128 abs = negative ? -value : value;
        string digits = abs.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        string s = decimals == 0 ? digits : string.Concat(digits.AsSpan(0, digits.Length - decimals), ".", digits.AsSpan(digits.Length - decimals));
        return negative ? "-" + s : s;
    }

    public static ArcsInput Load(string arcsPath, string? capsPath)
    {
        if (ArcBinary.IsBinary(arcsPath))
        {
            if (capsPath is not null)
                throw new InputException(capsPath, 0, $"{arcsPath} is a binary arc file and holds the capacities itself; leave out --capacities");
            return ArcBinary.Read(arcsPath);
        }
        if (capsPath is null) throw new InputException(arcsPath, 0, "a CSV arc file needs --capacities");
        var (mentors, caps) = ReadCapacities(capsPath);
        return ReadArcs(arcsPath, capsPath, mentors, caps);
    }

    private static (Utf8IdTable Mentors, int[] Capacities) ReadCapacities(string path)
    {
        var mentors = new Utf8IdTable();
        var caps = new List<int>();
        using var reader = new CsvReader(path);
        reader.ExpectHeader("mentor", "capacity");
        Span<Range> f = stackalloc Range[2];
        while (reader.NextLine(out var line))
        {
            var src = reader.Split(line, f, "mentor,capacity");
            if (src[f[0]].IsEmpty) throw new InputException(path, reader.Line, "empty mentor id");
            if (!int.TryParse(src[f[1]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int cap))
                throw new InputException(path, reader.Line, $"capacity '{CsvReader.Text(src[f[1]])}' is not a whole number");
            if (cap < 0) throw new InputException(path, reader.Line, $"capacity {cap} is negative");
            mentors.GetOrAdd(src[f[0]], out bool added);
            if (!added) throw new InputException(path, reader.Line, $"duplicate capacity for mentor '{CsvReader.Text(src[f[0]])}'");
            caps.Add(cap);
        }
        return (mentors, [.. caps]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ArcsInput ReadArcs(string path, string capsPath, Utf8IdTable mentors, int[] caps)
    {
        using var reader = new CsvReader(path);
        long lines = CsvReader.CountLines(path);
        if (lines - 1 > Array.MaxLength) throw new InputException(path, 0, $"{lines:N0} lines; at most {Array.MaxLength:N0} arcs are supported");
        int capacity = (int)Math.Max(0, lines - 1); // every line but the header, unless some are blank
        var arcMentor = new int[capacity];
        var arcScore = new long[capacity];
        byte[]? decimals = null;
        Dictionary<int, string>? odd = null;
        var mentees = new Utf8IdTable();
        var runMentee = new List<int>();
        var runStart = new List<int>();
        // Duplicates within a run of one mentee's lines: the run's number marks each mentor it has seen.
        var seenInRun = new int[caps.Length];
        int run = 0, prev = -1, count = 0, scale = 0;
        bool fragmented = false; // some mentee's lines are not all together

        reader.ExpectHeader("mentee", "mentor", "score");
        Span<Range> f = stackalloc Range[3];
        while (reader.NextLine(out var line))
        {
            var src = reader.Split(line, f, "mentee,mentor,score");
            var mentee = src[f[0]];
            if (mentee.IsEmpty) throw new InputException(path, reader.Line, "empty mentee id");
            int j = mentors.Find(src[f[1]]);
            if (j < 0) throw new InputException(path, reader.Line, $"mentor '{CsvReader.Text(src[f[1]])}' is not in {capsPath}");
            var scoreText = src[f[2]];
            var parsed = ParseScore(scoreText, out long value, out int places, out bool plain);
            if (parsed != ScoreParse.Ok) throw new InputException(path, reader.Line, ScoreError(parsed, scoreText, places));

            int i;
            if (prev >= 0 && mentee.SequenceEqual(mentees.Key(prev))) i = prev;
            else
            {
                i = mentees.GetOrAdd(mentee, out bool added);
                fragmented |= !added;
                run++;
                runMentee.Add(i);
                runStart.Add(count);
                prev = i;
            }
            if (seenInRun[j] == run)
                throw new InputException(path, reader.Line, $"duplicate arc {CsvReader.Text(mentee)} → {CsvReader.Text(src[f[1]])}");
            seenInRun[j] = run;

            if (count == arcMentor.Length) // only if the file grew after it was measured
            {
                Array.Resize(ref arcMentor, Math.Max(16, count * 2));
                Array.Resize(ref arcScore, arcMentor.Length);
                if (decimals is not null) Array.Resize(ref decimals, arcMentor.Length);
            }
            arcMentor[count] = j;
            arcScore[count] = value;
            if (places > 0)
            {
                decimals ??= new byte[arcMentor.Length];
                decimals[count] = (byte)places;
                scale = Math.Max(scale, places);
            }
            if (!plain) (odd ??= [])[count] = CsvReader.Text(scoreText);
            count++;
        }
        if (count < arcMentor.Length)
        {
            Array.Resize(ref arcMentor, count);
            Array.Resize(ref arcScore, count);
            if (decimals is not null) Array.Resize(ref decimals, count);
        }

        if (scale > 0) ScaleScores(path, arcScore, decimals!, scale, odd);

        int n = mentees.Count;
        var rowStart = new int[n + 1];
        if (!fragmented)
        {
            // Lines come grouped by mentee (the usual export): file order is already the CSR order.
            for (int r = 0; r < runStart.Count; r++) rowStart[r] = runStart[r];
            rowStart[n] = count;
        }
        else
        {
            (arcMentor, arcScore, decimals, odd) = GroupByMentee(path, mentees, mentors, runMentee, runStart, rowStart, arcMentor, arcScore, decimals, odd);
        }

        return new ArcsInput
        {
            Problem = new ArcProblem
            {
                MenteeCount = n, MentorCount = caps.Length, Capacities = caps,
                RowStart = rowStart, ArcMentor = arcMentor, ArcScore = arcScore,
            },
            Mentees = mentees, Mentors = mentors, Scale = scale, Decimals = decimals, OddText = odd,
        };
    }

    /// <summary>Scores with fewer decimals than the most precise one are multiplied up to the common scale.</summary>
    private static void ScaleScores(string path, long[] score, byte[] decimals, int scale, Dictionary<int, string>? odd)
    {
        for (int k = 0; k < score.Length; k++)
        {
            int shift = scale - decimals[k];
            if (shift == 0) continue;
            long factor = Pow10(shift);
            if (Math.Abs(score[k]) > MaxScaled / factor)
            {
                string text = odd is not null && odd.TryGetValue(k, out var t) ? t : Fixed(score[k], decimals[k]);
                throw new InputException(path, CsvReader.LineOfRecord(path, k),
                    $"score '{text}' scaled by 10^{scale} (to make every score an integer) does not fit a 64-bit integer");
            }
            score[k] *= factor;
        }
    }

    /// <summary>Counting sort of the arcs by mentee (stable: each mentee's arcs stay in file order),
    /// then a duplicate check across the runs of each mentee.</summary>
    private static (int[], long[], byte[]?, Dictionary<int, string>?) GroupByMentee(string path, Utf8IdTable mentees, Utf8IdTable mentors,
        List<int> runMentee, List<int> runStart, int[] rowStart, int[] arcMentor, long[] arcScore, byte[]? decimals, Dictionary<int, string>? odd)
    {
        int n = mentees.Count, count = arcMentor.Length, runs = runMentee.Count;
        int RunEnd(int r) => r + 1 < runs ? runStart[r + 1] : count;
        for (int r = 0; r < runs; r++) rowStart[runMentee[r] + 1] += RunEnd(r) - runStart[r];
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        var fill = (int[])rowStart.Clone();
        var mentor = new int[count];
        var score = new long[count];
        var places = decimals is null ? null : new byte[count];
        var fileIndex = new int[count];
        for (int r = 0; r < runs; r++)
        {
            int i = runMentee[r];
            for (int k = runStart[r]; k < RunEnd(r); k++)
            {
                int a = fill[i]++;
                mentor[a] = arcMentor[k];
                score[a] = arcScore[k];
                if (places is not null) places[a] = decimals![k];
                fileIndex[a] = k;
            }
        }
        Dictionary<int, string>? moved = null;
        if (odd is not null)
        {
            moved = [];
            for (int a = 0; a < count; a++)
            {
                if (odd.TryGetValue(fileIndex[a], out var t)) moved[a] = t;
            }
        }
        var seen = new int[mentors.Count];
        for (int i = 0; i < n; i++)
        {
            for (int a = rowStart[i]; a < rowStart[i + 1]; a++)
            {
                if (seen[mentor[a]] != i + 1)
                {
                    seen[mentor[a]] = i + 1;
                    continue;
                }
                throw new InputException(path, CsvReader.LineOfRecord(path, fileIndex[a]),
                    $"duplicate arc {mentees.Name(i)} → {mentors.Name(mentor[a])}");
            }
        }
        return (mentor, score, places, moved);
    }

    internal enum ScoreParse { Ok, NotANumber, TooManyDecimals, TooLarge }

    private static string ScoreError(ScoreParse error, ReadOnlySpan<byte> text, int places) => error switch
    {
        ScoreParse.TooManyDecimals => $"score '{CsvReader.Text(text)}' has {places} decimal places; at most {MaxDecimals} are supported",
        ScoreParse.TooLarge => $"score '{CsvReader.Text(text)}' scaled by 10^{places} (to make it an integer) does not fit a 64-bit integer",
        _ => $"score '{CsvReader.Text(text)}' is not a number",
    };

    /// <summary>
    /// [+|-]digits[.digits] into value × 10^-places. Integers never touch decimal arithmetic.
    /// <paramref name="plain"/> is false when printing the value back would not give the same text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ScoreParse ParseScore(ReadOnlySpan<byte> s, out long value, out int places, out bool plain)
    {
        value = 0;
        places = 0;
        plain = false;
        int k = 0;
        bool negative = false;
        if (s.Length > 0 && (s[0] == (byte)'-' || s[0] == (byte)'+'))
        {
            negative = s[0] == (byte)'-';
            k = 1;
        }
        int intStart = k;
        ulong v = 0;
        bool tooLarge = false;
        for (; k < s.Length && (uint)(s[k] - '0') <= 9; k++)
        {
            v = v * 10 + (uint)(s[k] - '0');
            if (v > MaxScaled) { tooLarge = true; v = 0; }
        }
        int intDigits = k - intStart;
        bool point = k < s.Length && s[k] == (byte)'.';
        if (point)
        {
            for (k++; k < s.Length && (uint)(s[k] - '0') <= 9; k++)
            {
                places++;
                if (places > MaxDecimals) continue;
                v = v * 10 + (uint)(s[k] - '0');
                if (v > MaxScaled) { tooLarge = true; v = 0; }
            }
        }
        if (k != s.Length || intDigits + places == 0) return ScoreParse.NotANumber;
        if (places > MaxDecimals) return ScoreParse.TooManyDecimals;
        if (tooLarge) return ScoreParse.TooLarge;
        value = negative ? -(long)v : (long)v;
        plain = s[0] != (byte)'+' && intDigits > 0 && !(intDigits > 1 && s[intStart] == (byte)'0')
            && !(point && places == 0) && !(negative && v == 0);
        return ScoreParse.Ok;
    }
}
