using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Features.Closing;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Lishui.Assessment.Tests.Api;

/// <summary>The service in Development, on the clock it registers itself (the development clock).</summary>
public sealed class DevelopmentAssessmentFactory : AssessmentApiFactory
{
    protected override bool UseTestClock => false;

    protected override void ConfigureSecurity(IWebHostBuilder builder) => TestSecurity.Apply(builder, "Development");
}

/// <summary>The service in Production: a real authority (never reached here) and no development keys.</summary>
public sealed class ProductionAssessmentFactory : AssessmentApiFactory
{
    protected override bool UseTestClock => false;

    protected override void ConfigureSecurity(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting($"{PlatformSecurity.BearerSection}:Authority", "https://id.lishui.example");
        builder.UseSetting($"{PlatformSecurity.BearerSection}:ValidAudiences:0", TestTokens.Audience);
        builder.UseSetting("Dev:ClockOffset", "P30D");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The authority's keys, as its metadata would give them, so a town administrator's token is accepted.
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.Configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
            o.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
            o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(TestTokens.Key));
        }));
    }
}

public sealed class DevelopmentClockApiTests(DevelopmentAssessmentFactory api) : IClassFixture<DevelopmentAssessmentFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var client = api.CreateClient();
        (await client.PostAsJsonAsync("/dev/clock", new { offset = "PT0S" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Moving_the_development_clock_lets_a_publication_window_end_without_waiting_and_tokens_keep_working()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        await api.RegisterMembersAsync(organisation, "区志坚");
        using var client = api.CreateClient(); // one token, issued now, used before and after the move
        var notice = (await (await client.PostAsJsonAsync($"/schemes/{scheme}/close", new { })).Content.ReadFromJsonAsync<NoticeSummaryResponse>(AssessmentApiFactory.Json))!;
        var tooEarly = await client.PostAsync($"/notices/{notice.Id}/finalise", null);

        var moved = await client.PostAsJsonAsync("/dev/clock", new { offset = "P20D" });
        var clock = await client.GetFromJsonAsync<JsonElement>("/dev/clock");
        var final = await client.PostAsync($"/notices/{notice.Id}/finalise", null);

        await ApiAssert.ProblemAsync(tooEarly, HttpStatusCode.UnprocessableEntity, "notice.window-open");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("P20D", clock.GetProperty("offset").GetString());
        var shift = clock.GetProperty("now").GetDateTimeOffset() - clock.GetProperty("realNow").GetDateTimeOffset();
        Assert.InRange(shift, TimeSpan.FromDays(20) - TimeSpan.FromSeconds(5), TimeSpan.FromDays(20) + TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        var finalisedAt = (await final.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("finalisedAt").GetDateTimeOffset();
        Assert.True(TownCalendar.DateOf(finalisedAt) > notice.WindowClosesOn);
    }

    [Theory]
    [InlineData("-P3000D")]
    [InlineData("P3000D")]
    [InlineData("seven days")]
    public async Task An_offset_that_is_not_an_iso_duration_within_the_limit_is_refused_naming_the_field(string offset)
    {
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/dev/clock", new { offset });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "dev-clock.offset-invalid", "offset");
    }

    [Fact]
    public async Task Only_a_town_administrator_moves_the_clock()
    {
        using var secretary = api.ClientWith(TestTokens.Secretary(Guid.NewGuid()));
        using var anonymous = api.ClientWith(null);

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/dev/clock", new { offset = "P7D" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/dev/clock", new { offset = "P7D" })).StatusCode);
    }
}

public sealed class ProductionClockApiTests(ProductionAssessmentFactory api) : IClassFixture<ProductionAssessmentFactory>
{
    [Fact]
    public async Task The_development_clock_does_not_exist_in_production()
    {
        using var client = api.CreateClient(); // a town administrator, who could move it where it exists
        var known = await client.GetAsync("/schemes/" + Guid.NewGuid());

        var post = await client.PostAsJsonAsync("/dev/clock", new { offset = "P7D" });
        var get = await client.GetAsync("/dev/clock");

        Assert.Equal(HttpStatusCode.NotFound, known.StatusCode); // the token is accepted: a 404 below is the route's absence
        await ApiAssert.ProblemAsync(known, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.IsNotType<Lishui.Shared.Hosting.DevelopmentClock>(api.Services.GetService(typeof(TimeProvider)));
        var now = ((TimeProvider)api.Services.GetService(typeof(TimeProvider))!).GetUtcNow();
        Assert.InRange(now - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5)); // Dev:ClockOffset is ignored
    }
}
