namespace Tandem.Web.Features.Profiles;

public static class ProfilesApi
{
    public static RouteGroupBuilder MapProfiles(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/profiles").WithTags("Profiles");
        return group;
    }
}
