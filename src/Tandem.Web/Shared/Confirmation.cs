namespace Tandem.Web.Shared;

/// <summary>Something a person should know before an irreversible step; it does not stop the step once they confirm.</summary>
/// <param name="Code">A stable name for API clients ("unreviewedApplications").</param>
/// <param name="Message">The sentence, in the caller's language.</param>
public sealed record StepWarning(string Code, string Message);

/// <summary>
/// What an irreversible step will do, shown before it happens: the one way Tandem asks for confirmation.
/// A page shows it on a confirmation step of its own (<c>_Confirmation.cshtml</c>) with a button that posts
/// <c>confirm=true</c>; an API request without <c>"confirm": true</c> gets it back and nothing changes.
/// </summary>
public sealed record StepPreview(IReadOnlyList<string> Consequences, IReadOnlyList<StepWarning> Warnings)
{
    public bool HasWarnings => Warnings.Count > 0;
}
