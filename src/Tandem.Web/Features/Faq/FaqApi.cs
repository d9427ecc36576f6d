namespace Tandem.Web.Features.Faq;

public static class FaqApi
{
    public static RouteGroupBuilder MapFaq(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/faq").WithTags("Faq");
        return group;
    }
}
