namespace Lishui.Portal.Clients;

/// <summary>
/// The Idempotency-Key a form carries, rendered with the form so a second click sends the same one.
/// Anything but a GUID did not come from the portal's own form: a fresh key is used instead.
/// </summary>
public static class FormKey
{
    public static string Of(string? posted) =>
        Guid.TryParse(posted, out var key) ? key.ToString() : Guid.NewGuid().ToString();
}
