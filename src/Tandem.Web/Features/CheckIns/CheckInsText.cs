namespace Tandem.Web.Features.CheckIns;

public sealed class CheckInsText;
