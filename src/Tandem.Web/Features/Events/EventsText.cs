namespace Tandem.Web.Features.Events;

/// <summary>Marker for the Events pages' strings: Resources/Features/Events/EventsText.zh-Hans.resx.</summary>
public sealed class EventsText;
