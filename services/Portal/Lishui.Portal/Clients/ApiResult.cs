using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace Lishui.Portal.Clients;

/// <summary>A service's RFC 9457 answer, as the portal shows it: the Chinese title and each field's messages.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public string? For(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)) is { Value: { Length: > 0 } messages }
            ? string.Join(" ", messages)
            : null;

    public static ApiProblem Unavailable { get; } =
        new(503, "服务暂时无法访问，请稍后再试。您填写的内容已保留。", null, new Dictionary<string, string[]>());
}

/// <summary>What a write through a service gave: the created resource, or the problem to show beside the form.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>Reads JSON and problem details from the services; a 404 is "not there", never an exception.</summary>
public static class ServiceCalls
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T?> GetOrNullAsync<T>(this HttpClient http, string url, CancellationToken ct)
        where T : class
    {
        using var response = await http.GetAsync(url, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(Json, ct);
    }

    /// <summary>
    /// A public list every visitor reads, kept for half a minute: residents may see a change that much
    /// later, and the services are not asked once per page view. A failed read is not kept.
    /// </summary>
    public static async Task<T?> ReadThroughAsync<T>(this IMemoryCache cache, string key, Func<Task<T?>> read)
        where T : class
    {
        if (cache.TryGetValue(key, out T? kept))
        {
            return kept;
        }

        var fresh = await read();
        if (fresh is not null)
        {
            cache.Set(key, fresh, TimeSpan.FromSeconds(30));
        }

        return fresh;
    }

    /// <summary>For a page with several parts: a part whose service cannot answer is left out, not the whole page.</summary>
    public static async Task<T?> OrNothingAsync<T>(this Task<T?> call)
        where T : class
    {
        try
        {
            return await call;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>POSTs once per <paramref name="idempotencyKey"/>: a second click on the same form creates nothing twice.</summary>
    public static Task<ApiResult<T>> PostOnceAsync<T>(this HttpClient http, string url, object body, string idempotencyKey, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SubmitAsync<T>(request, ct);
    }

    /// <summary>PUTs a whole setting: repeating it changes nothing further, so it needs no key.</summary>
    public static Task<ApiResult<T>> PutAsync<T>(this HttpClient http, string url, object body, CancellationToken ct) =>
        http.SubmitAsync<T>(new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json) }, ct);

    private static async Task<ApiResult<T>> SubmitAsync<T>(this HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        using var sent = request;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException)
        {
            return new ApiResult<T>(default, ApiProblem.Unavailable);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, ct), null);
            }

            return new ApiResult<T>(default, await ProblemAsync(response, ct));
        }
    }

    public static async Task<ApiProblem> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return ApiProblem.Unavailable;
        }

        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = doc.RootElement;
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in e.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToArray()
                        : [field.Value.ToString()];
                }
            }

            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return new ApiProblem(status, title ?? "提交未成功，请检查后重试。", detail, errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, "提交未成功，请检查后重试。", null, new Dictionary<string, string[]>());
        }
    }
}
