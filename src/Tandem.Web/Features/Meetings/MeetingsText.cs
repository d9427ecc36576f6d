namespace Tandem.Web.Features.Meetings;

public sealed class MeetingsText;
