namespace Tandem.Web.Features.Notifications;

/// <summary>
/// An in-app message to one person. <see cref="Text"/> is an English key of <see cref="NotificationsText"/>
/// with {0}-style placeholders filled from <see cref="Args"/> (a JSON string array) in the reader's language.
/// </summary>
public sealed class Notification
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public string Args { get; set; } = "[]";
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
