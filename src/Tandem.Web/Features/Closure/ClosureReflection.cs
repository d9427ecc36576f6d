namespace Tandem.Web.Features.Closure;

/// <summary>One person's closing words: a private reflection and transition plan, and a gratitude note
/// shown to the other person. Coordinators see none of it.</summary>
public sealed class ClosureReflection
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public required string AuthorId { get; set; }
    public required string Reflection { get; set; }
    public required string Gratitude { get; set; }
    public required string TransitionPlan { get; set; }
    public DateTime SubmittedAt { get; set; }
}
