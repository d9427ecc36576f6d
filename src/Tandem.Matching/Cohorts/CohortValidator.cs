namespace Tandem.Matching.Cohorts;

/// <summary>A problem with the input, located by a JSON path such as <c>$.mentees[3].capacity</c>.</summary>
public sealed record CohortError(string Path, string Message);

/// <summary>Checks a cohort before matching: shapes and ranges, ids, and locks that would break a hard constraint.</summary>
public static class CohortValidator
{
    public static IReadOnlyList<CohortError> Validate(CohortInput input) => Validate(input, out _);

    internal static IReadOnlyList<CohortError> Validate(CohortInput input, out CompiledCohort? compiled)
    {
        compiled = null;
        var errors = new List<CohortError>();
        void Error(string path, string message) => errors.Add(new CohortError(path, message));

        var knownMentors = input.Mentors.Where(t => t?.Id is not null).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var menteeIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Mentees.Count; i++)
        {
            var p = input.Mentees[i];
            var path = $"$.mentees[{i}]";
            if (p is null) { Error(path, "is null."); continue; }
            CheckId(p.Id, path, menteeIds, "mentee", Error);
            CheckCommon(path, p.Availability, p.Personality, p.Languages, Error);
            CheckNoNulls($"{path}.interests", p.Interests, Error);
            CheckNoNulls($"{path}.goals.tags", p.Goals?.Tags ?? [], Error);
            if (p.RankedMentors.Count > 5)
                Error($"{path}.rankedMentors", $"ranks {p.RankedMentors.Count} mentors; at most 5.");
            var seen = p.RankedMentors.Count > 0 ? new HashSet<string>(StringComparer.Ordinal) : null;
            for (var r = 0; r < p.RankedMentors.Count; r++)
            {
                var id = p.RankedMentors[r];
                if (!knownMentors.Contains(id))
                    Error($"{path}.rankedMentors[{r}]", $"unknown mentor id '{id}'.");
                else if (!seen!.Add(id))
                    Error($"{path}.rankedMentors[{r}]", $"mentor '{id}' is ranked twice.");
            }
            if (p.WantsInternal == true && !input.Rules.SameEmployerAllowed && !input.Rules.InternalProgram)
                Error($"{path}.wantsInternal", "asks for a mentor from the same employer, but rules.sameEmployerAllowed is false.");
        }

        var mentorIds = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < input.Mentors.Count; j++)
        {
            var p = input.Mentors[j];
            var path = $"$.mentors[{j}]";
            if (p is null) { Error(path, "is null."); continue; }
            CheckId(p.Id, path, mentorIds, "mentor", Error);
            CheckCommon(path, p.Availability, p.Personality, p.Languages, Error);
            CheckNoNulls($"{path}.interests", p.Interests, Error);
            CheckNoNulls($"{path}.expertise", p.Expertise, Error);
            if (p.Capacity is < 1 or > 5)
                Error($"{path}.capacity", $"is {p.Capacity}; must be 1..5.");
            if (p.Tracks.Count == 0)
                Error($"{path}.tracks", "is empty; a mentor serves at least one track.");
        }

        foreach (var c in Criteria.All)
        {
            var value = input.Weights[c.Criterion];
            if (!double.IsFinite(value) || value < 0)
                Error($"$.weights.{c.Key}", $"is {value}; weights are finite numbers ≥ 0.");
        }
        if (input.Rules.MinSharedSlots is < 0 or > 21)
            Error("$.rules.minSharedSlots", $"is {input.Rules.MinSharedSlots}; must be 0..21.");

        for (var k = 0; k < input.PreviousPairs.Count; k++)
        {
            if (input.PreviousPairs[k] is not { MenteeId: not null, MentorId: not null })
                Error($"$.previousPairs[{k}]", "needs a menteeId and a mentorId.");
        }
        CheckPairs(input.Forbidden, "$.forbidden", menteeIds, mentorIds, Error);
        CheckPairs(input.Locked, "$.locked", menteeIds, mentorIds, Error);
        if (errors.Count > 0)
            return errors;

        compiled = CompiledCohort.Compile(input);
        var lockedMentees = new HashSet<string>(StringComparer.Ordinal);
        var load = new int[input.Mentors.Count];
        for (var k = 0; k < input.Locked.Count; k++)
        {
            var pair = input.Locked[k];
            var path = $"$.locked[{k}]";
            if (!lockedMentees.Add(pair.MenteeId))
            {
                Error(path, $"mentee '{pair.MenteeId}' is locked to more than one mentor.");
                continue;
            }
            int i = compiled.MenteeIndex(pair.MenteeId), j = compiled.MentorIndex(pair.MentorId);
            foreach (var failure in compiled.DescribeFailures(i, j))
                Error(path, $"locks {pair.MenteeId} with {pair.MentorId}, which breaks the {CompiledCohort.Word(failure.Reason)} rule: {failure.Message}");
            if (++load[j] == compiled.Capacity(j) + 1)
                Error(path, $"locks more mentees with {pair.MentorId} than the mentor's capacity ({compiled.Capacity(j)}).");
        }
        if (errors.Count > 0)
            compiled = null;
        return errors;
    }

    private static void CheckId(string id, string path, HashSet<string> ids, string side, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(id))
            error($"{path}.id", "is missing or empty.");
        else if (!ids.Add(id))
            error($"{path}.id", $"'{id}' is used by another {side}.");
    }

    private static void CheckNoNulls(string path, IReadOnlyList<string> items, Action<string, string> error)
    {
        for (var k = 0; k < items.Count; k++)
        {
            if (items[k] is null)
                error($"{path}[{k}]", "is null.");
        }
    }

    private static void CheckCommon(string path, IReadOnlyList<int> slots, IReadOnlyList<double>? personality,
        IReadOnlyList<string> languages, Action<string, string> error)
    {
        for (var s = 0; s < slots.Count; s++)
        {
            if (slots[s] is < 0 or > 20)
                error($"{path}.availability[{s}]", $"is {slots[s]}; slots are 0..20 (7 days × morning/afternoon/evening).");
        }
        if (personality is not null)
        {
            if (personality.Count != 5)
                error($"{path}.personality", $"has {personality.Count} values; the Big-Five questionnaire gives 5.");
            for (var k = 0; k < personality.Count; k++)
            {
                if (!(personality[k] is >= 1 and <= 7))
                    error($"{path}.personality[{k}]", $"is {personality[k]}; scores are 1..7.");
            }
        }
        for (var k = 0; k < languages.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(languages[k]))
                error($"{path}.languages[{k}]", "is empty.");
        }
    }

    private static void CheckPairs(IReadOnlyList<PairRef> pairs, string path, HashSet<string> mentees, HashSet<string> mentors,
        Action<string, string> error)
    {
        for (var k = 0; k < pairs.Count; k++)
        {
            var p = pairs[k];
            if (p is null) { error($"{path}[{k}]", "is null."); continue; }
            if (!mentees.Contains(p.MenteeId))
                error($"{path}[{k}].menteeId", $"unknown mentee id '{p.MenteeId}'.");
            if (!mentors.Contains(p.MentorId))
                error($"{path}[{k}].mentorId", $"unknown mentor id '{p.MentorId}'.");
        }
    }
}
