using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Programs;

public static class ProgramsApi
{
    public static RouteGroupBuilder MapPrograms(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/program").WithTags("Programs");
        group.MapGet("/", Get).AllowAnonymous().WithSummary("The program's settings and tracks (public).");
        group.MapPut("/", Put).RequireAuthorization(Roles.Coordinator).WithSummary("Changes the program's settings.");
        group.MapGet("/tracks", GetTracks).AllowAnonymous().WithSummary("The program's tracks (public).");
        group.MapPost("/tracks", PostTrack).RequireAuthorization(Roles.Coordinator).WithSummary("Adds a track.");
        group.MapPut("/tracks/{id:int}", PutTrack).RequireAuthorization(Roles.Coordinator).WithSummary("Changes a track.");
        return group;
    }

    private static async Task<Ok<ProgramResponse>> Get(ProgramSettings settings, CancellationToken ct) =>
        TypedResults.Ok(ProgramResponse.From(await settings.LoadAsync(ct)));

    private static async Task<Results<Ok<ProgramResponse>, ValidationProblem>> Put(ProgramRequest request, ProgramSettings settings, CancellationToken ct)
    {
        var outcome = await settings.UpdateAsync(request, ct);
        return outcome.Ok ? TypedResults.Ok(ProgramResponse.From(outcome.Value!)) : TypedResults.ValidationProblem(outcome.Refusal!.ToDictionary());
    }

    private static async Task<Ok<List<TrackResponse>>> GetTracks(TandemDb db, CancellationToken ct)
    {
        var programId = await ProgramDefaults.CurrentIdAsync(db, ct);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.ProgramId == programId).OrderBy(t => t.Id).ToListAsync(ct);
        return TypedResults.Ok(tracks.Select(TrackResponse.From).ToList());
    }

    private static async Task<Results<Created<TrackResponse>, ValidationProblem>> PostTrack(TrackRequest request, ProgramSettings settings, CancellationToken ct)
    {
        var outcome = (await settings.SaveTrackAsync(null, request, ct))!.Value;
        return outcome.Ok
            ? TypedResults.Created($"/api/v1/program/tracks/{outcome.Value!.Id}", TrackResponse.From(outcome.Value))
            : TypedResults.ValidationProblem(outcome.Refusal!.ToDictionary());
    }

    private static async Task<Results<Ok<TrackResponse>, NotFound, ValidationProblem>> PutTrack(int id, TrackRequest request, ProgramSettings settings, CancellationToken ct)
    {
        if (await settings.SaveTrackAsync(id, request, ct) is not { } outcome) return TypedResults.NotFound();
        return outcome.Ok ? TypedResults.Ok(TrackResponse.From(outcome.Value!)) : TypedResults.ValidationProblem(outcome.Refusal!.ToDictionary());
    }
}
