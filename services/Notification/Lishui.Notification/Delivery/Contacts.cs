using System.Net;
using System.Net.Http.Json;

namespace Lishui.Notification.Delivery;

/// <summary>An address for one delivery attempt; fetched from its owner each time and never stored or logged.</summary>
public sealed record RecipientContact(string? Phone, string? Email);

/// <summary>
/// Asks Membership for a member's phone and e-mail at delivery time (<c>GET /members/{id}/contact</c>,
/// naming the purpose and the caller), asking for the phone and e-mail only, never the ID-card number.
/// </summary>
public sealed class MembershipContacts(HttpClient http)
{
    public async Task<RecipientContact?> FindAsync(Guid memberId, string purpose, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"members/{memberId}/contact?purpose={Uri.EscapeDataString(purpose)}&fields=phone,email");
        request.Headers.Add(ContactHeaders.RequestedBy, NotificationModule.ServiceName);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var contact = await response.Content.ReadFromJsonAsync<MemberContact>(ct)
            ?? throw new InvalidOperationException("Membership answered the contact request with no body.");
        return new RecipientContact(contact.Phone, contact.Email);
    }

    private sealed record MemberContact(Guid MemberId, string? Phone, string? Email);
}

/// <summary>
/// Asks the service that holds a resident's contact (Pairing or PracticalProjects,
/// <c>GET /resident-requests/{id}/contact</c>) at delivery time.
/// </summary>
public sealed class ResidentContacts(IHttpClientFactory clients)
{
    public const string Pairing = "pairing";
    public const string Projects = "projects";

    public async Task<RecipientContact?> FindAsync(string heldBy, Guid contactRequestId, string purpose, CancellationToken ct)
    {
        if (heldBy is not (Pairing or Projects))
        {
            throw new InvalidOperationException($"Unknown holder of a resident contact: {heldBy}.");
        }

        var http = clients.CreateClient(ClientName(heldBy));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"resident-requests/{contactRequestId}/contact?purpose={Uri.EscapeDataString(purpose)}");
        request.Headers.Add(ContactHeaders.RequestedBy, NotificationModule.ServiceName);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var contact = await response.Content.ReadFromJsonAsync<ResidentContact>(ct)
            ?? throw new InvalidOperationException($"{heldBy} answered the contact request with no body.");
        return new RecipientContact(contact.Phone, null);
    }

    public static string ClientName(string heldBy) => $"resident-contacts-{heldBy}";

    private sealed record ResidentContact(Guid RequestId, string? Name, string? Phone);
}

public static class ContactHeaders
{
    public const string RequestedBy = "X-Requested-By";
}
