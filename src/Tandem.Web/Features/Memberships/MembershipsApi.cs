namespace Tandem.Web.Features.Memberships;

public static class MembershipsApi
{
    public static RouteGroupBuilder MapMemberships(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/memberships").WithTags("Memberships");
        return group;
    }
}
