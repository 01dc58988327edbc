using Lishui.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Lishui.MalformedInput.Tests;

/// <summary>The check itself can fail: a server error, a plain-text refusal and a dropped connection are all reported.</summary>
[Trait("Category", "Unit")]
public sealed class CheckerTests
{
    [Fact]
    public async Task The_check_reports_a_server_error_a_bare_refusal_and_a_dropped_connection()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPlatformWeb();
        await using var app = builder.Build();
        app.UsePlatformWeb();
        app.MapPost("/throws", (Func<IResult>)(() => throw new InvalidOperationException("a handler that breaks on odd input")));
        app.MapPost("/plain", () => Results.Text("bad", statusCode: 400));
        app.MapPost("/drops", (HttpContext http) => http.Abort());
        app.MapPost("/refuses", () => Results.Problem(Problems.Validation([new FieldError("name", "field.required", "此字段为必填项。", "This field is required.")])));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var sweep = new Sweep(client);

        await sweep.SendAsync("throws", Sweep.Request("POST", "/throws", "{}"));
        await sweep.SendAsync("plain", Sweep.Request("POST", "/plain", "{}"));
        await sweep.SendAsync("drops", Sweep.Request("POST", "/drops", "{}"));
        await sweep.SendAsync("refuses, other field", Sweep.Request("POST", "/refuses", "{}"), field: "title");
        await sweep.SendAsync("refuses", Sweep.Request("POST", "/refuses", "{}"), field: "name");

        Assert.Collection(sweep.Findings,
            f => Assert.StartsWith("throws: expected a 4xx problem, got 500", f),
            f => Assert.StartsWith("plain: 400 is not application/problem+json", f),
            f => Assert.StartsWith("drops: no answer", f),
            f => Assert.StartsWith("refuses, other field: 400 problem names no error for 'title'", f));
    }
}
