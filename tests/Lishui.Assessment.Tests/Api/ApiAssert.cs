using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lishui.Assessment.Tests.Api;

internal static class ApiAssert
{
    /// <summary>Asserts a problem response with the given status and code, naming the given field when there is one.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? field = null)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var codes = body.TryGetProperty("fieldErrors", out var fields)
            ? fields.EnumerateArray().Select(f => f.GetProperty("code").GetString()).Append(body.GetProperty("code").GetString()).ToList()
            : [body.GetProperty("code").GetString()];
        Assert.Contains(code, codes);
        if (field is not null)
        {
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"the problem should name '{field}': {body}");
        }

        return body;
    }
}
