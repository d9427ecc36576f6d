namespace Tandem.Matching.Cohorts;

/// <summary>A plausible random cohort from a fixed seed: demo data, tests and the benchmark.</summary>
public static class SyntheticCohort
{
    private static readonly string[] Languages = ["fr", "de", "es", "zh", "no"];
    private static readonly string[] Cities = ["Oslo", "Bergen", "London", "Paris", "Berlin", "Madrid", "Shanghai", "Toronto"];
    private static readonly string[] Industries = ["finance", "health", "energy", "retail", "software", "public sector", "media", "law", "education", "manufacturing"];
    private static readonly string[] Interests =
    [
        "running", "chess", "jazz", "hiking", "cooking", "photography", "sailing", "poetry", "gardening", "cycling",
        "theatre", "yoga", "travel", "film", "climbing", "painting", "football", "podcasts", "volunteering", "board games",
        "skiing", "reading", "architecture", "history", "swimming", "tennis", "dance", "wine", "design", "languages",
    ];
    private static readonly string[] Expertise =
    [
        "negotiation", "public speaking", "people management", "strategy", "finance for non-financial managers",
        "career change", "board work", "product management", "fundraising", "leadership", "networking", "marketing",
        "data analysis", "project management", "sales", "entrepreneurship", "hiring", "conflict resolution",
        "work-life balance", "executive presence", "operations", "communication", "coaching", "change management",
    ];

    public static CohortInput Generate(int mentees, int mentors, int seed)
    {
        var rng = new Random(seed);
        var employers = Enumerable.Range(1, Math.Max(4, (mentees + mentors) / 50)).Select(k => $"Employer {k:000}").ToArray();
        T Pick<T>(T[] items) => items[rng.Next(items.Length)];
        string[] Some(string[] items, int min, int max) => [.. items.OrderBy(_ => rng.Next()).Take(rng.Next(min, max + 1))];
        int[] Slots() => [.. Enumerable.Range(0, 21).Where(_ => rng.NextDouble() < 0.35).DefaultIfEmpty(rng.Next(21))];
        string[] Langs() => rng.NextDouble() < 0.92 ? (rng.NextDouble() < 0.3 ? ["en", Pick(Languages)] : ["en"]) : [Pick(Languages)];
        double[]? Personality() => rng.NextDouble() < 0.85 ? [.. Enumerable.Range(0, 5).Select(_ => Math.Round(1 + (rng.NextDouble() * 6), 1))] : null;
        string? Gender() => rng.NextDouble() switch { < 0.70 => "f", < 0.95 => "m", _ => null };
        GenderPreference Pref() => rng.NextDouble() switch { < 0.85 => GenderPreference.Any, < 0.97 => GenderPreference.Same, _ => GenderPreference.Cross };
        MeetingMode Mode() => rng.NextDouble() switch { < 0.6 => MeetingMode.Either, < 0.9 => MeetingMode.Online, _ => MeetingMode.InPerson };

        var mentorList = new List<MentorProfile>(mentors);
        for (var j = 0; j < mentors; j++)
        {
            var seniority = rng.NextDouble() switch { < 0.1 => Seniority.Mid, < 0.6 => Seniority.Senior, _ => Seniority.Executive };
            var gender = Gender();
            mentorList.Add(new MentorProfile
            {
                Id = $"tr{j:0000}",
                Seniority = seniority,
                Gender = gender,
                GenderPreference = gender is null ? GenderPreference.Any : Pref(),
                Employer = Pick(employers),
                City = Pick(Cities),
                MeetingMode = Mode(),
                Languages = Langs(),
                Availability = Slots(),
                Interests = Some(Interests, 2, 6),
                Expertise = Some(Expertise, 2, 5),
                Industry = Pick(Industries),
                Personality = Personality(),
                Capacity = rng.Next(1, 4),
                Tracks = seniority == Seniority.Executive && rng.NextDouble() < 0.6 ? [Track.Standard, Track.Advanced] : [Track.Standard],
                OpenToReverse = rng.NextDouble() < 0.2,
            });
        }

        var menteeList = new List<MenteeProfile>(mentees);
        for (var i = 0; i < mentees; i++)
        {
            var seniority = rng.NextDouble() switch { < 0.3 => Seniority.Entry, < 0.75 => Seniority.Junior, < 0.97 => Seniority.Mid, _ => Seniority.Senior };
            var gender = Gender();
            var goals = Some(Expertise, 1, 3);
            menteeList.Add(new MenteeProfile
            {
                Id = $"te{i:0000}",
                Track = seniority >= Seniority.Mid && rng.NextDouble() < 0.5 ? Track.Advanced : Track.Standard,
                Seniority = seniority,
                Gender = gender,
                GenderPreference = gender is null ? GenderPreference.Any : Pref(),
                Employer = Pick(employers),
                City = Pick(Cities),
                MeetingMode = Mode(),
                Languages = Langs(),
                Availability = Slots(),
                Interests = Some(Interests, 2, 6),
                Goals = new MenteeGoals { Tags = goals[..1], Text = $"In the next year I want to grow in {string.Join(" and ", goals)}." },
                Industry = Pick(Industries),
                Personality = Personality(),
                OpenToReverse = rng.NextDouble() < 0.2,
                RankedMentors = rng.NextDouble() < 0.4 && mentors > 0
                    ? [.. Enumerable.Range(0, rng.Next(1, 6)).Select(_ => $"tr{rng.Next(mentors):0000}").Distinct()]
                    : [],
            });
        }

        var previous = Enumerable.Range(0, (mentees + mentors) / 10)
            .Select(_ => new PairRef($"te{rng.Next(Math.Max(1, mentees)):0000}", $"tr{rng.Next(Math.Max(1, mentors)):0000}"))
            .ToList();
        var forbidden = Enumerable.Range(0, (mentees + mentors) / 100)
            .Select(_ => new PairRef($"te{rng.Next(Math.Max(1, mentees)):0000}", $"tr{rng.Next(Math.Max(1, mentors)):0000}"))
            .ToList();
        var input = new CohortInput
        {
            Mentees = menteeList,
            Mentors = mentorList,
            PreviousPairs = mentees > 0 && mentors > 0 ? previous : [],
            Forbidden = mentees > 0 && mentors > 0 ? forbidden : [],
        };
        return input with { Locked = FeasibleLocks(input, Math.Min(10, mentees / 100)) };
    }

    // Coordinators lock pairs that are allowed; pick the first few allowed pairs that fit capacity.
    private static List<PairRef> FeasibleLocks(CohortInput input, int count)
    {
        var locks = new List<PairRef>();
        if (count == 0)
            return locks;
        var c = CompiledCohort.Compile(input);
        var load = new int[c.MentorCount];
        for (var i = 0; i < c.MenteeCount && locks.Count < count; i += 7)
        {
            for (int j = (i * 13) % c.MentorCount, tries = 0; tries < c.MentorCount; j = (j + 1) % c.MentorCount, tries++)
            {
                if (c.Failures(i, j) == Constraint.None && load[j] < c.Capacity(j))
                {
                    load[j]++;
                    locks.Add(new PairRef(input.Mentees[i].Id, input.Mentors[j].Id));
                    break;
                }
            }
        }
        return locks;
    }
}
