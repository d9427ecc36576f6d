namespace Tandem.Web.Features.Messages;

public sealed class MessagesText;
