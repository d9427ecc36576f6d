namespace Tandem.Matching.Cohorts;

/// <summary>The scored criteria, in the order breakdowns list them. Each has one row in <see cref="Criteria.All"/>.</summary>
public enum Criterion
{
    Interests,
    Goals,
    Industry,
    Personality,
    Availability,
    SeniorityGap,
    ReverseFit,
    MenteeRanking,
}

/// <param name="Criterion">The criterion; its position in <see cref="Criteria.All"/>.</param>
/// <param name="Key">Its name in cohort files, API requests and breakdowns ("seniorityGap").</param>
/// <param name="Label">Its English name on pages (the English text is the resource key of its translation).</param>
/// <param name="DefaultWeight">The weight a program starts with.</param>
/// <param name="Description">What it measures, in a sentence (shown under the weight; translated like the label).</param>
/// <param name="Phrase">How a "why this mentor" sentence names it ("Strongest on same industry (1.00)").</param>
public sealed record CriterionInfo(Criterion Criterion, string Key, string Label, double DefaultWeight, string Description, string Phrase);

/// <summary>
/// The table of scored criteria: the engine's weights and explanations, the settings page, the API and the
/// views all loop over it. Adding a criterion: a row here and its enum value, its score in
/// <see cref="CompiledCohort"/>, a property on <see cref="MatchWeights"/>, and (in the web app) a translation
/// and a settings column (see docs/contributing.md).
/// </summary>
public static class Criteria
{
    /// <summary>How many criteria there are (a constant, so score buffers stay on the stack).</summary>
    public const int Count = 8;

    public static IReadOnlyList<CriterionInfo> All { get; } = Checked(
    [
        new(Criterion.Interests, "interests", "Shared interests", 1,
            "Interests both listed, out of all the interests either listed.", "shared interests"),
        new(Criterion.Goals, "goals", "Goals vs expertise", 2,
            "How much of what the mentee wants to grow in the mentor's expertise covers.", "goals vs expertise"),
        new(Criterion.Industry, "industry", "Industry", 0.5,
            "Both work in the same industry.", "same industry"),
        new(Criterion.Personality, "personality", "Personality", 0.5,
            "How close their Big-Five personality scores are (neutral when either has none).", "personality"),
        new(Criterion.Availability, "availability", "Availability", 1,
            "The share of the mentee's weekly time slots the mentor shares.", "shared availability"),
        new(Criterion.SeniorityGap, "seniorityGap", "Seniority gap", 1,
            "Best when the mentor is two levels more senior.", "seniority gap"),
        new(Criterion.ReverseFit, "reverseFit", "Reverse fit", 0.5,
            "For a more junior mentor: both chose reverse mentoring.", "reverse-mentoring fit"),
        new(Criterion.MenteeRanking, "menteeRanking", "Mentee ranking", 1.5,
            "The mentee's own ranking of the mentor: first choice counts most.", "the mentee's ranking"),
    ]);

    public static CriterionInfo Of(Criterion criterion) => All[(int)criterion];

    /// <summary>The criterion with this key (case-insensitive), or null.</summary>
    public static CriterionInfo? Find(string? key) =>
        All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    private static CriterionInfo[] Checked(CriterionInfo[] rows)
    {
        if (rows.Length != Count || rows.Length != Enum.GetValues<Criterion>().Length)
            throw new InvalidOperationException($"Criteria: {rows.Length} rows, Count is {Count}, the enum has {Enum.GetValues<Criterion>().Length} values.");
        for (var k = 0; k < rows.Length; k++)
        {
            if ((int)rows[k].Criterion != k)
                throw new InvalidOperationException($"Criteria: row {k} is {rows[k].Criterion}; rows follow the enum order.");
        }
        return rows;
    }
}
