namespace Tandem.Web.Features.Sharing;

public sealed class SharingText;
