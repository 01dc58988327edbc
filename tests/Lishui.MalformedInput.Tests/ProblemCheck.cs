using System.Net.Http.Headers;
using System.Text.Json;

namespace Lishui.MalformedInput.Tests;

/// <summary>
/// What every refusal of malformed input must look like: an answer at all, a 4xx (never a 5xx), an
/// RFC 9457 problem (<c>application/problem+json</c>) with a stable code and a Chinese title, and, where a
/// field is at fault, an <c>errors</c> entry naming it.
/// </summary>
public static class ProblemCheck
{
    /// <returns>null when the answer is right; otherwise what is wrong with it.</returns>
    public static async Task<string?> JudgeAsync(HttpResponseMessage response, string? field)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var excerpt = body.Length > 300 ? body[..300] + "…" : body;
        if (status is < 400 or >= 500)
        {
            return $"expected a 4xx problem, got {status}: {excerpt}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} is not application/problem+json but '{response.Content.Headers.ContentType}': {excerpt}";
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return $"{status} problem is not JSON: {excerpt}";
        }

        if (!problem.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String
            || !problem.TryGetProperty("title", out var title) || !(title.GetString() ?? "").Any(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            return $"{status} problem lacks a code or a Chinese title: {excerpt}";
        }

        if (field is not null && status is 400 or 415
            && !(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty(field, out _)))
        {
            return $"{status} problem names no error for '{field}': {excerpt}";
        }

        return null;
    }
}

/// <summary>Sends probes, keeps count, and collects every wrong answer (a dropped connection included).</summary>
public sealed class Sweep(HttpClient client)
{
    private readonly List<string> findings = [];

    public IReadOnlyList<string> Findings => findings;

    public int Sent { get; private set; }

    public async Task SendAsync(string label, HttpRequestMessage request, string? field = null)
    {
        Sent++;
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                findings.Add($"{label}: no answer ({e.GetType().Name}: {e.Message})");
                return;
            }

            using (response)
            {
                if (await ProblemCheck.JudgeAsync(response, field) is { } wrong)
                {
                    findings.Add($"{label}: {wrong}");
                }
            }
        }
    }

    public static HttpRequestMessage Request(string method, string target, string? body = null, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        return request;
    }

    public static HttpRequestMessage Request(string method, string target, byte[] body, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), target) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }
}
