using Tandem.Matching.Cohorts;

namespace Tandem.Matching.Tests.Cohorts;

/// <summary>Profiles that are compatible with each other unless a test changes one attribute.</summary>
internal static class Build
{
    public static MenteeProfile Mentee(string id) => new()
    {
        Id = id,
        Seniority = Seniority.Junior,
        Languages = ["en"],
        Availability = [0, 1, 2],
        MeetingMode = MeetingMode.Online,
    };

    public static MentorProfile Mentor(string id, int capacity = 1) => new()
    {
        Id = id,
        Seniority = Seniority.Senior,
        Languages = ["en"],
        Availability = [0, 1, 2],
        MeetingMode = MeetingMode.Online,
        Capacity = capacity,
    };

    public static CohortInput Cohort(IEnumerable<MenteeProfile> mentees, IEnumerable<MentorProfile> mentors) =>
        new() { Mentees = [.. mentees], Mentors = [.. mentors] };

    /// <summary>Asserts that exactly the listed pairs are excluded, each by exactly <paramref name="reason"/>,
    /// and that the fast path (ScoreRow) agrees with the explained path.</summary>
    public static void AssertExcludedExactly(CohortInput input, Constraint reason, params (string Mentee, string Mentor)[] excluded)
    {
        CohortValidator.Validate(input).ShouldBeEmpty();
        var c = CompiledCohort.Compile(input);
        var row = new long[c.MentorCount];
        var expected = excluded.ToHashSet();
        for (var i = 0; i < c.MenteeCount; i++)
        {
            c.ScoreRow(i, row);
            for (var j = 0; j < c.MentorCount; j++)
            {
                var pair = (input.Mentees[i].Id, input.Mentors[j].Id);
                var failures = c.Failures(i, j);
                if (expected.Contains(pair))
                {
                    failures.ShouldBe(reason, $"{pair}");
                    row[j].ShouldBe(long.MinValue, $"{pair}");
                    c.DescribeFailures(i, j).Single().Reason.ShouldBe(reason);
                }
                else
                {
                    failures.ShouldBe(Constraint.None, $"{pair}");
                    row[j].ShouldBeGreaterThanOrEqualTo(0, $"{pair}");
                }
            }
        }
    }
}
