using System.Text.Json.Serialization;

namespace Tandem.Web.Features.Cohorts;

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum CohortStatus
{
    Draft = 0,
    Open = 1,
    Matching = 2,
    Active = 3,
    Closing = 4,
    Closed = 5,
}

public sealed class Cohort
{
    public int Id { get; set; }
    public int ProgramId { get; set; }
    public required string Name { get; set; }
    /// <summary>Optional Chinese name; the Chinese UI falls back to <see cref="Name"/>.</summary>
    public string? NameZh { get; set; }
    public DateOnly ApplicationsOpenOn { get; set; }
    public DateOnly ApplicationsCloseOn { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public CohortStatus Status { get; set; }
    /// <summary>Bumped on every status change; guards concurrent transitions.</summary>
    public int Version { get; set; }
}
