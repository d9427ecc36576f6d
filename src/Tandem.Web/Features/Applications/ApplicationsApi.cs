namespace Tandem.Web.Features.Applications;

public static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/applications").WithTags("Applications");
        return group;
    }
}
