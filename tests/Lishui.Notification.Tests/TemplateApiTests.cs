using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Notification.Data;
using Lishui.Testing;

namespace Lishui.Notification.Tests;

/// <summary>Notification in process on its own real database, with its own queue names on the real broker.</summary>
public sealed class NotificationApiFactory() : ServiceApiFactory<Program, NotificationDbContext>("notification", NotificationDbContext.ConnectionName);

public sealed class TemplateApiTests(NotificationApiFactory api) : IClassFixture<NotificationApiFactory>
{
    [Fact]
    public async Task An_edit_becomes_the_current_wording_and_earlier_versions_stay_readable()
    {
        using var client = api.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement>("/templates/welcome/zh-CN");
        Assert.Equal(0, before.GetProperty("version").GetInt32());

        var edit = await client.PutAsJsonAsync("/templates/welcome/zh-CN", new { title = "欢迎您", body = "{{name}}同志，欢迎！", changedBy = "党建工作办" });
        await client.PutAsJsonAsync("/templates/welcome/zh-CN", new { title = "欢迎您！", body = "{{name}}同志，热烈欢迎！", changedBy = "党建工作办" });

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var current = await client.GetFromJsonAsync<JsonElement>("/templates/welcome/zh-CN");
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal("{{name}}同志，热烈欢迎！", current.GetProperty("body").GetString());
        var versions = await client.GetFromJsonAsync<JsonElement>("/templates/welcome/zh-CN/versions");
        Assert.Equal([2, 1], versions.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_is_refused_and_nothing_changes()
    {
        using var client = api.CreateClient();

        var response = await client.PutAsJsonAsync("/templates/welcome/en", new { title = "Hi", body = "{{name}} {{phone}}", changedBy = "admin" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("template.placeholder-unknown", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/templates/welcome/en")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_member_chooses_english_and_an_unsupported_language_is_refused()
    {
        using var client = api.CreateClient();
        var member = Guid.CreateVersion7();

        Assert.Equal("zh-CN", (await client.GetFromJsonAsync<JsonElement>($"/members/{member}/preferences")).GetProperty("locale").GetString());
        (await client.PutAsJsonAsync($"/members/{member}/preferences", new { locale = "en" })).EnsureSuccessStatusCode();
        var refused = await client.PutAsJsonAsync($"/members/{member}/preferences", new { locale = "fr" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("en", (await client.GetFromJsonAsync<JsonElement>($"/members/{member}/preferences")).GetProperty("locale").GetString());
    }

    [Theory]
    [InlineData("00:00", "00:00")] // none
    [InlineData("00:00", "06:30")]
    [InlineData("21:00", "00:00")]
    public async Task Quiet_hours_chosen_on_a_members_first_preference_are_kept_as_chosen_midnight_included(string start, string end)
    {
        using var client = api.CreateClient();
        var member = Guid.CreateVersion7();

        (await client.PutAsJsonAsync($"/members/{member}/preferences", new { quietHours = new { start, end } })).EnsureSuccessStatusCode();

        var quiet = (await client.GetFromJsonAsync<JsonElement>($"/members/{member}/preferences")).GetProperty("quietHours");
        Assert.Equal((start, end), (quiet.GetProperty("start").GetString(), quiet.GetProperty("end").GetString()));
    }

    [Fact]
    public async Task An_unknown_template_is_a_not_found_problem()
    {
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/templates/nothing/zh-CN")).StatusCode);
    }
}
