namespace Tandem.Web.Features.Feedback;

public sealed class FeedbackText;
