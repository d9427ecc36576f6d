namespace Tandem.Web.Features.Notifications;

public sealed class NotificationsText;
