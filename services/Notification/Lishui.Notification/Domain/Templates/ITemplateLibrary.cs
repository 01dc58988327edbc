namespace Lishui.Notification.Domain.Templates;

/// <summary>Where the current wording of a message comes from: the newest edited version, else the default.</summary>
public interface ITemplateLibrary
{
    Task<MessageTemplate> CurrentAsync(TemplateKind kind, string locale, CancellationToken ct);
}
