namespace Tandem.Web.Features.Pace;

public sealed class PaceText;
