using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lishui.PracticalProjects.Tests;

public sealed class EchoWallApiTests(ProjectsApiFactory api) : IClassFixture<ProjectsApiFactory>
{
    private static readonly Guid Hefeng = ProjectsApiFactory.Hefeng;

    [Theory]
    [InlineData("", "echo.text-empty")]
    [InlineData("   ", "echo.text-empty")]
    [InlineData(null, "echo.text-too-long")]
    public async Task An_empty_or_overlong_post_is_refused_naming_the_field(string? text, string code)
    {
        using var client = api.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement>("/echo-wall/posts")).GetProperty("total").GetInt32();

        var response = await client.PostAsJsonAsync("/echo-wall/posts", new { text = text ?? new string('长', 501) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/echo-wall/posts")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_post_of_exactly_five_hundred_characters_is_accepted_and_shown_anonymously()
    {
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/echo-wall/posts", new { text = new string('好', 500), organisationId = Hefeng });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var wall = await client.GetFromJsonAsync<JsonElement>("/public/echo-wall?pageSize=200");
        var shown = wall.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        Assert.Equal("匿名", shown.GetProperty("author").GetString());
        Assert.True(shown.GetProperty("anonymous").GetBoolean());
    }

    [Fact]
    public async Task Moderation_hides_a_post_with_a_reason_and_never_deletes_it()
    {
        using var client = api.CreateClient();
        var id = (await (await client.PostAsJsonAsync("/echo-wall/posts", new { text = "某某某收了好处（未经核实的指控）", displayName = "路人" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var noReason = await client.PostAsJsonAsync($"/echo-wall/posts/{id}/hide", new { reason = "", moderatedBy = "鹤峰村党委宣传委员" });
        (await client.PostAsJsonAsync($"/echo-wall/posts/{id}/hide", new { reason = "含未经核实的个人指控，已转纪检核查", moderatedBy = "鹤峰村党委宣传委员" })).EnsureSuccessStatusCode();
        var hideTwice = await client.PostAsJsonAsync($"/echo-wall/posts/{id}/hide", new { reason = "再次", moderatedBy = "鹤峰村党委宣传委员" });

        Assert.Equal("echo.reason-required", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hideTwice.StatusCode);
        var wall = await client.GetFromJsonAsync<JsonElement>("/public/echo-wall?pageSize=200");
        Assert.DoesNotContain(wall.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        var kept = await client.GetFromJsonAsync<JsonElement>($"/echo-wall/posts/{id}");
        Assert.True(kept.GetProperty("hidden").GetBoolean());
        Assert.Equal("含未经核实的个人指控，已转纪检核查", kept.GetProperty("moderation")[0].GetProperty("reason").GetString());
        var hiddenList = await client.GetFromJsonAsync<JsonElement>("/echo-wall/posts?hidden=true&pageSize=200");
        Assert.Contains(hiddenList.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task An_answered_post_shows_the_answer_and_can_become_a_request_that_keeps_the_contact_here()
    {
        using var client = api.CreateClient();
        var created = await client.PostAsJsonAsync("/echo-wall/posts", new
        {
            text = "文化驿站的图书角能不能周末也开放？", displayName = "岑岗村民", organisationId = Hefeng, contactName = "岑姨", contactPhone = "138-0013-8001",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await client.PostAsJsonAsync($"/echo-wall/posts/{id}/answers", new { text = "已安排社工周六上午值守，欢迎前来阅读。", answeredBy = "鹤峰村党委" })).EnsureSuccessStatusCode();
        var toRequest = await client.PostAsJsonAsync($"/echo-wall/posts/{id}/resident-request", new { category = "Education", location = "鹤峰村文化驿站", recordedBy = "鹤峰村党委" });
        var twice = await client.PostAsJsonAsync($"/echo-wall/posts/{id}/resident-request", new { category = "Education", recordedBy = "鹤峰村党委" });

        Assert.Equal(HttpStatusCode.Created, toRequest.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var request = await toRequest.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("EchoWall", request.GetProperty("origin").GetString());
        Assert.Equal("projects", request.GetProperty("contactHeldBy").GetString());
        Assert.StartsWith("MS", request.GetProperty("referenceNumber").GetString(), StringComparison.Ordinal);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/resident-requests/{request.GetProperty("id").GetGuid()}/contact?purpose=告知答复");
        read.Headers.Add("X-Requested-By", "notification");
        Assert.Equal("138-0013-8001", (await (await client.SendAsync(read)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
        var wall = await client.GetFromJsonAsync<JsonElement>("/public/echo-wall?pageSize=200");
        var shown = wall.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        Assert.Equal("已安排社工周六上午值守，欢迎前来阅读。", shown.GetProperty("answers")[0].GetProperty("text").GetString());
        Assert.Equal(request.GetProperty("id").GetGuid(), shown.GetProperty("linkedRequestId").GetGuid());
        Assert.DoesNotContain("138-0013-8001", wall.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("岑姨", wall.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_links_only_to_a_request_or_project_that_exists()
    {
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/echo-wall/posts", new { text = "护苗长廊什么时候完工？", linkedProjectId = Guid.CreateVersion7() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("linkedProjectId", out _));
    }
}
