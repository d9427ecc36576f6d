namespace Tandem.Web.Features.Programs;

/// <summary>Marker for the Programs pages' strings: Resources/Features/Programs/ProgramsText.zh-Hans.resx.</summary>
public sealed class ProgramsText;
