namespace Tandem.Web.Features.Agreements;

public sealed class AgreementsText;
