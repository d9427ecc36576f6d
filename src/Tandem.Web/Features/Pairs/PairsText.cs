namespace Tandem.Web.Features.Pairs;

public sealed class PairsText;
