using System.Globalization;
using Microsoft.Extensions.Localization;
using Tandem.Web.Shared.Charts;

namespace Tandem.Web.Features.Reports;

/// <summary>The charts of the report and the dashboard, built from the same reports.</summary>
public static class ReportCharts
{
    /// <summary>How many pairs held 0, 1, … meetings; the last bar counts the minimum + 1 or more.</summary>
    public static BarChart MeetingsHeld(string id, CohortReport r, IStringLocalizer<ReportsText> t)
    {
        var buckets = r.MeetingsHeld ?? [];
        var categories = buckets.Select((_, i) => i <= r.MinimumMeetings ? i.ToString(CultureInfo.CurrentCulture) : t["{0} or more", i].Value).ToList();
        return new BarChart(id, t["Meetings held per pair: {0}", r.Name], t["How many pairs held each number of meetings; the program asks for {0}.", r.MinimumMeetings],
            categories, [new ChartSeries(t["Pairs"], buckets.Select(b => (double?)b).ToList())], t["Data table"], t["Meetings held"]);
    }

    /// <summary>How many pairs' match scores fall in each bucket (under 0.5, 0.5–0.6, … 0.9 and above).</summary>
    public static BarChart MatchScores(string id, CohortReport r, IStringLocalizer<ReportsText> t)
    {
        var b = CohortReports.ScoreBuckets;
        var categories = b.Select((x, i) => i == 0 ? t["under {0}", b[1].ToString("0.0", CultureInfo.CurrentCulture)].Value
            : i == b.Count - 1 ? t["{0} or above", x.ToString("0.0", CultureInfo.CurrentCulture)].Value
            : $"{x.ToString("0.0", CultureInfo.CurrentCulture)}–{b[i + 1].ToString("0.0", CultureInfo.CurrentCulture)}").ToList();
        return new BarChart(id, t["Match scores: {0}", r.Name], t["How many pairs had a match score in each range; scores run from 0 to 1."],
            categories, [new ChartSeries(t["Pairs"], (r.MatchScores ?? []).Select(x => (double?)x).ToList())], t["Data table"], t["Match score"]);
    }

    public static BarChart Funnel(IReadOnlyList<CohortReport> all, IStringLocalizer<ReportsText> t) =>
        new("funnel", t["Application funnel per cohort"], t["For each cohort: applications, accepted applications and people in a pair."],
            all.Select(r => r.Name).ToList(),
            [
                new(t["Applications"], all.Select(r => (double?)(r.MenteeApplications + r.MentorApplications)).ToList()),
                new(t["Accepted"], all.Select(r => (double?)r.Accepted).ToList()),
                new(t["People in a pair"], all.Select(r => (double?)(r.MatchedMentees * 2)).ToList()),
            ], t["Data table"], t["Cohort"]);

    public static BarChart MatchingRate(IReadOnlyList<CohortReport> all, IStringLocalizer<ReportsText> t) =>
        new("matching-rate", t["Matching rate per cohort"], t["The share of accepted mentees who were matched with a mentor, in percent."],
            all.Select(r => r.Name).ToList(), [new(t["Matching rate (%)"], all.Select(r => r.MatchingRate).ToList())], t["Data table"], t["Cohort"]);

    public static BarChart Meetings(IReadOnlyList<CohortReport> all, IStringLocalizer<ReportsText> t)
    {
        var minimum = all.Count > 0 ? all[^1].MinimumMeetings : 0;
        return new("meetings", t["Meetings held per pair against the minimum"], t["The average number of meetings a pair held in each cohort; the dashed line is the program's minimum of {0}.", minimum],
            all.Select(r => r.Name).ToList(), [new(t["Average meetings held per pair"], all.Select(r => r.AverageMeetingsHeld).ToList())], t["Data table"], t["Cohort"],
            Marker: minimum, MarkerLabel: t["Minimum: {0}", minimum]);
    }

    public static BarChart Ratings(IReadOnlyList<CohortReport> all, IStringLocalizer<ReportsText> t) =>
        new("ratings", t["Check-in and feedback ratings"], t["Average ratings from 1 to 5 per cohort: check-in progress, check-in relationship and closing feedback."],
            all.Select(r => r.Name).ToList(),
            [
                new(t["Check-in: progress"], all.Select(r => r.CheckInProgress).ToList()),
                new(t["Check-in: relationship"], all.Select(r => r.CheckInRelationship).ToList()),
                new(t["Feedback"], all.Select(r => r.FeedbackRating).ToList()),
            ], t["Data table"], t["Cohort"]);
}
