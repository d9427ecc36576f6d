namespace Tandem.Web.Features.Cohorts;

public static class CohortsApi
{
    public static RouteGroupBuilder MapCohorts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cohorts").WithTags("Cohorts");
        return group;
    }
}
