using System.Globalization;
using Microsoft.Extensions.Localization;
using Tandem.Matching.Cohorts;

namespace Tandem.Web.Features.Matching;

/// <summary>
/// The matching's explanations in the reader's language. The engine writes English sentences (the command line
/// prints them); the web app words the same facts from the structured result it stores (breakdowns, ranks,
/// exclusion counts, full mentors, the constraints an alternative breaks), so a stored run reads in Chinese on the
/// Chinese UI and in English on the English one.
/// </summary>
public sealed class MatchingExplanations(IStringLocalizer<MatchingText> t)
{
    /// <summary>Why this mentor: the (up to) three criteria that contributed most, and the mentor's rank among the allowed ones.</summary>
    public string Why(IReadOnlyList<CriterionView> breakdown, int rank, int allowed)
    {
        var top = breakdown.Where(b => b.Contribution > 0)
            .OrderByDescending(b => b.Contribution).ThenBy(b => Criteria.Find(b.Criterion)?.Criterion)
            .Take(3)
            .Select(b => b.Criterion == Criteria.Of(Criterion.MenteeRanking).Key
                ? t["the mentee ranked this mentor #{0}", RankFrom(b.Value)].Value
                : t["{0} ({1})", Phrase(b.Criterion), b.Value.ToString("0.00", CultureInfo.CurrentCulture)].Value)
            .ToList();
        string sentence = top.Count == 0 ? t["No criterion contributes; any allowed mentor scores the same."] : t["Strongest on {0}.", Join(top)];
        if (allowed > 0)
            sentence += " " + (rank == 1 ? t["The mentee's best-scoring allowed mentor."] : t["#{0} of {1} allowed mentors by score.", rank, allowed]);
        return sentence;
    }

    /// <summary>A hand-picked pair: why it scores as it does, or which rules it breaks.</summary>
    public string WhyPair(bool allowed, IReadOnlyList<CriterionView> breakdown, Constraint broken) =>
        allowed ? Why(breakdown, 0, 0) : t["Not allowed: {0}", Failures(broken)];

    /// <summary>The rules a pair breaks, each with what would allow it.</summary>
    public string Failures(Constraint broken) =>
        string.Join(" ", Each(broken).Select(c => t["Breaks the {0} rule: needs {1}.", Label(c), Relaxation(c)].Value));

    public string UnmatchedMentee(UnmatchedMentee u, int mentorsInCohort)
    {
        if (u.AllowedMentors == 0)
            return u.Excluded.Count == 0
                ? t["There are no mentors in the cohort."]
                : t["No mentor is allowed: {0} of {1} mentors.", RulesOut(u.Excluded), mentorsInCohort];
        return u.FullMentorCount >= u.AllowedMentors
            ? t["All {0} allowed mentors are full with pairs worth more to the cohort.", u.AllowedMentors]
            : t["An allowed mentor has a free place, but adding this pair would not raise the objective."];
    }

    public string UnmatchedMentor(UnmatchedMentor u, int menteesInCohort)
    {
        if (u.EligibleMentees == 0)
            return menteesInCohort == 0
                ? t["There are no mentees in the cohort."]
                : t["No mentee is allowed: {0} of {1} mentees.", RulesOut(u.Excluded), menteesInCohort];
        return u.AllEligibleMatched
            ? t["All {0} eligible mentees are matched to mentors where they add more to the cohort.", u.EligibleMentees]
            : t["Eligible mentees are unmatched, but pairing them with this mentor would not raise the objective."];
    }

    /// <summary>What it would take to pair the mentee with this alternative mentor.</summary>
    public string WhatItWouldTake(UnmatchedMentee u, Alternative a)
    {
        if (!a.Allowed)
            return a.Needs == Constraint.None ? a.WhatItWouldTake : t["Needs {0}.", Join(Each(a.Needs).Select(Relaxation).ToList())];
        if (u.FullMentors.FirstOrDefault(f => f.MentorId == a.MentorId) is { } full)
            return t["Full ({0}/{1}): a place needs capacity {2}, or one of the mentor's mentees moved to another mentor.", full.AssignedMentees.Count, full.Capacity, full.Capacity + 1];
        return t["Has a free place; pairing them by hand is allowed but lowers the objective."];
    }

    public string Label(Constraint c) => c switch
    {
        Constraint.Track => t["track"],
        Constraint.Employer => t["employer"],
        Constraint.MenteeGenderPreference => t["mentee's gender preference"],
        Constraint.MentorGenderPreference => t["mentor's gender preference"],
        Constraint.Language => t["language"],
        Constraint.MeetingMode => t["meeting mode"],
        Constraint.City => t["city"],
        Constraint.Availability => Lower(t["Availability"]),
        Constraint.ReverseMentoring => t["reverse mentoring"],
        Constraint.PreviousPair => t["earlier pairs"],
        Constraint.Forbidden => t["coordinator forbids"],
        _ => c.ToString(),
    };

    public string Relaxation(Constraint c) => c switch
    {
        Constraint.Track => t["a mentor serving the mentee's track (executive for Advanced)"],
        Constraint.Employer => t["an exception to the employer rule"],
        Constraint.MenteeGenderPreference => t["the mentee relaxing the gender preference"],
        Constraint.MentorGenderPreference => t["the mentor relaxing the gender preference"],
        Constraint.Language => t["a language in common"],
        Constraint.MeetingMode => t["one side accepting the other's meeting mode"],
        Constraint.City => t["meeting online, or the same city"],
        Constraint.Availability => t["more shared availability slots"],
        Constraint.ReverseMentoring => t["both sides opting in to reverse mentoring"],
        Constraint.PreviousPair => t["allowing a repeat of an earlier pair"],
        Constraint.Forbidden => t["lifting the coordinator's forbid"],
        _ => c.ToString(),
    };

    private string Phrase(string key) => Criteria.Find(key)?.Criterion switch
    {
        Criterion.Interests => Lower(t["Shared interests"]),
        Criterion.Goals => Lower(t["Goals vs expertise"]),
        Criterion.Industry => t["same industry"],
        Criterion.Personality => Lower(t["Personality"]),
        Criterion.Availability => t["shared availability"],
        Criterion.SeniorityGap => Lower(t["Seniority gap"]),
        Criterion.ReverseFit => t["reverse-mentoring fit"],
        Criterion.MenteeRanking => t["the mentee's ranking"],
        _ => key,
    };

    /// <summary>
    /// Where the phrase is the criterion's label in lower case, the label's translation serves (resource names ignore
    /// case, so "Personality" and "personality" cannot both be keys); English, untranslated, is lowered.
    /// </summary>
    private static string Lower(LocalizedString s) => s.ResourceNotFound ? char.ToLowerInvariant(s.Value[0]) + s.Value[1..] : s.Value;

    private string RulesOut(IEnumerable<ExclusionCount> excluded) =>
        Join(excluded.Take(3).Select(e => t["{0} rules out {1}", Label(e.Reason), e.Count].Value).ToList());

    /// <summary>The engine scores a mentee's #1 choice 1.0, #2 0.8 … #5 0.2.</summary>
    private static int RankFrom(double value) => (int)Math.Round((1 - value) / 0.2) + 1;

    private static IEnumerable<Constraint> Each(Constraint mask) =>
        Enum.GetValues<Constraint>().Where(c => c != Constraint.None && (mask & c) != 0);

    private string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => t["{0} and {1}", string.Join(t["{0}, {1}", "", ""].Value, parts.Take(parts.Count - 1)), parts[^1]],
    };
}
