namespace Tandem.Web.Features.Public;

public static class PublicApi
{
    public static RouteGroupBuilder MapPublic(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/public").WithTags("Public");
        return group;
    }
}
