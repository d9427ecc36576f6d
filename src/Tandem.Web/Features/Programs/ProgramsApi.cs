namespace Tandem.Web.Features.Programs;

public static class ProgramsApi
{
    public static RouteGroupBuilder MapPrograms(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/programs").WithTags("Programs");
        return group;
    }
}
