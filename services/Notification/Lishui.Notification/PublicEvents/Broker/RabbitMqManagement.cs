using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.PublicEvents.Broker;

/// <summary>
/// RabbitMQ's management HTTP API, for the users of AMQP subscribers: each may only read its own
/// queue (configure and write nothing), so it can neither bind more types nor read anyone else's queue.
/// </summary>
public sealed class RabbitMqManagement(IOptions<PublicEventsOptions> options, PublicBroker broker) : IDisposable
{
    private readonly HttpClient http = Create(options.Value.RabbitMqManagement);

    public bool IsConfigured => options.Value.RabbitMqManagement is not null;

    public async Task CreateSubscriberUserAsync(string user, string password, string queue, CancellationToken ct)
    {
        var vhost = Uri.EscapeDataString(broker.Factory.VirtualHost);
        var name = Uri.EscapeDataString(user);
        await SendAsync(HttpMethod.Put, $"api/users/{name}", new { password, tags = string.Empty }, ct);
        await SendAsync(HttpMethod.Put, $"api/permissions/{vhost}/{name}", new
        {
            configure = "^$",
            write = "^$",
            read = "^" + System.Text.RegularExpressions.Regex.Escape(queue) + "$",
        }, ct);
    }

    public Task SetPasswordAsync(string user, string password, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"api/users/{Uri.EscapeDataString(user)}", new { password, tags = string.Empty }, ct);

    private async Task SendAsync(HttpMethod method, string path, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"RabbitMQ management {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    private static HttpClient Create(Uri? managementUri)
    {
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        if (managementUri is null)
        {
            return client;
        }

        client.BaseAddress = new UriBuilder(managementUri) { UserName = string.Empty, Password = string.Empty, Path = managementUri.AbsolutePath.TrimEnd('/') + "/" }.Uri;
        if (managementUri.UserInfo.Length > 0)
        {
            var credentials = Uri.UnescapeDataString(managementUri.UserInfo);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        return client;
    }

    public void Dispose() => http.Dispose();
}
