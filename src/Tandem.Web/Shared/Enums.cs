using System.Text.Json.Serialization;

namespace Tandem.Web.Shared;

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum Seniority
{
    Entry = 0,
    Junior = 1,
    MidManagement = 2,
    Senior = 3,
    Executive = 4,
}

/// <summary>A set of seniority levels, stored as bit flags.</summary>
[Flags]
public enum SeniorityLevels
{
    None = 0,
    Entry = 1 << Seniority.Entry,
    Junior = 1 << Seniority.Junior,
    MidManagement = 1 << Seniority.MidManagement,
    Senior = 1 << Seniority.Senior,
    Executive = 1 << Seniority.Executive,
    All = Entry | Junior | MidManagement | Senior | Executive,
}

public static class SeniorityExtensions
{
    public static bool Includes(this SeniorityLevels levels, Seniority seniority) =>
        (levels & (SeniorityLevels)(1 << (int)seniority)) != 0;

    public static IEnumerable<Seniority> Members(this SeniorityLevels levels) =>
        Enum.GetValues<Seniority>().Where(s => levels.Includes(s));
}
