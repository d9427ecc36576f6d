namespace Tandem.Web.Features.Feedback;

/// <summary>
/// One person's end-of-pair feedback. <see cref="WentWell"/>, <see cref="CouldBeBetter"/> and
/// <see cref="Feedforward"/> are personal: the feedforward is shown to the other person once both have
/// submitted or the cohort is closed, and never to coordinators. Coordinators see
/// <see cref="Rating"/> and <see cref="ProgramComment"/> only.
/// </summary>
public sealed class PairFeedback
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public required string AuthorId { get; set; }
    public int Rating { get; set; }
    public required string WentWell { get; set; }
    public required string CouldBeBetter { get; set; }
    public required string Feedforward { get; set; }
    public string? ProgramComment { get; set; }
    /// <summary>Up to three of the program's feedforward theme codes (TagList format): what the report counts, never the text.</summary>
    public string Themes { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
}
