namespace Tandem.Web.Features.Reminders;

public sealed class RemindersText;
