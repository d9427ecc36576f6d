using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Programs;

public static class ProgramsApi
{
    public static RouteGroupBuilder MapPrograms(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/program").WithTags("Programs");
        group.MapGet("/", Get).AllowAnonymous().WithSummary("The program's settings and tracks (public).");
        group.MapPut("/", Put).RequireAuthorization(Roles.Coordinator).WithSummary("Changes the program's editor.");
        group.MapGet("/tracks", GetTracks).AllowAnonymous().WithSummary("The program's tracks (public).");
        group.MapPost("/tracks", PostTrack).RequireAuthorization(Roles.Coordinator).WithSummary("Adds a track.");
        group.MapGet("/themes", GetThemes).RequireAuthorization(Roles.Coordinator).WithSummary("The program's feedforward themes, retired ones too (coordinators).");
        group.MapPost("/themes", PostTheme).RequireAuthorization(Roles.Coordinator).WithSummary("Adds a feedforward theme (English name, optional Chinese name).");
        group.MapPut("/themes/{id:int}", PutTheme).RequireAuthorization(Roles.Coordinator).WithSummary("Renames or retires a feedforward theme; its code stays.");
        group.MapPut("/tracks/{id:int}", PutTrack).RequireAuthorization(Roles.Coordinator).WithSummary("Changes a track.");
        return group;
    }

    private static async Task<Ok<ProgramResponse>> Get(ProgramEditor editor, CancellationToken ct) =>
        TypedResults.Ok(ProgramResponse.From(await editor.LoadAsync(ct)));

    private static async Task<Results<Ok<ProgramResponse>, ValidationProblem>> Put(ProgramRequest request, ProgramEditor editor, CancellationToken ct) =>
        (await editor.UpdateAsync(request, ct)).ToApi(p => TypedResults.Ok(ProgramResponse.From(p)));

    private static async Task<Ok<List<TrackResponse>>> GetTracks(TandemDb db, CancellationToken ct)
    {
        var programId = await ProgramDefaults.CurrentIdAsync(db, ct);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.ProgramId == programId).OrderBy(t => t.Id).ToListAsync(ct);
        return TypedResults.Ok(tracks.Select(TrackResponse.From).ToList());
    }

    private static async Task<Ok<List<ThemeResponse>>> GetThemes(TandemDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.FeedforwardThemes.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(ct)).Select(ThemeResponse.From).ToList());

    private static async Task<Results<Created<ThemeResponse>, ValidationProblem>> PostTheme(ThemeRequest request, ProgramEditor editor, CancellationToken ct) =>
        (await editor.SaveThemeAsync(null, request, ct)).ToApi(theme => TypedResults.Created($"/api/v1/program/themes/{theme.Id}", ThemeResponse.From(theme)));

    private static async Task<Results<Ok<ThemeResponse>, NotFound, ValidationProblem>> PutTheme(int id, ThemeRequest request, ProgramEditor editor, CancellationToken ct) =>
        (await editor.SaveThemeAsync(id, request, ct)).ToApi(theme => TypedResults.Ok(ThemeResponse.From(theme)));

    private static async Task<Results<Created<TrackResponse>, ValidationProblem>> PostTrack(TrackRequest request, ProgramEditor editor, CancellationToken ct) =>
        (await editor.SaveTrackAsync(null, request, ct)).ToApi(track => TypedResults.Created($"/api/v1/program/tracks/{track.Id}", TrackResponse.From(track)));

    private static async Task<Results<Ok<TrackResponse>, NotFound, ValidationProblem>> PutTrack(int id, TrackRequest request, ProgramEditor editor, CancellationToken ct) =>
        (await editor.SaveTrackAsync(id, request, ct)).ToApi(track => TypedResults.Ok(TrackResponse.From(track)));
}
