namespace Tandem.Web.Features.Faq;

/// <summary>A question and its Markdown answer, in English and Simplified Chinese.</summary>
public sealed class FaqEntry
{
    public int Id { get; set; }
    public int ProgramId { get; set; }
    public int Position { get; set; }
    public required string Question { get; set; }
    public required string Answer { get; set; }
    public string? QuestionZh { get; set; }
    public string? AnswerZh { get; set; }
}
