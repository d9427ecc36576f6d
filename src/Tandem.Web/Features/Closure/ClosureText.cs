namespace Tandem.Web.Features.Closure;

public sealed class ClosureText;
