using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lishui.Contracts.Membership;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

public sealed class MemberDetailsApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public async Task A_corrected_name_is_announced_with_the_changed_fields_and_the_new_name_only()
    {
        var idNumber = TestIdNumbers.For("1980-05-01");
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync(), "张山", idNumber: idNumber, phone: "13800138000");
        await using var listener = await EventListener<MemberDetailsChanged>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();

        var response = await client.PutAsJsonAsync($"/members/{member}", new
        {
            name = "张三", gender = "Male", birthDate = "1980-05-01", idNumber, phone = "13911112222", email = (string?)null, changedBy = "鹤峰村党委", expectedVersion = 1,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("张三", "139****2222", 2L), (read.GetProperty("name").GetString(), read.GetProperty("phone").GetString(), read.GetProperty("version").GetInt64()));
        var published = await listener.ReceivedAsync(e => e.MemberId == member, because: "MemberDetailsChanged should reach a subscriber");
        Assert.Equal(["name", "phone"], published.ChangedFields);
        Assert.Equal("张三", published.Name);
        Assert.Equal(2, published.Sequence);
        var history = await api.WithDbAsync(db => db.MemberDetailsChanges.AsNoTracking().SingleAsync(c => c.MemberId == new Lishui.Membership.Domain.MemberId(member)));
        Assert.Equal("鹤峰村党委", history.ChangedBy);
    }

    [Fact]
    public async Task A_patch_changes_only_what_it_sends_and_the_event_carries_no_contact_details()
    {
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync(), "李四", phone: "13800138000", email: "li.si@example.cn");
        await using var listener = await EventListener<MemberDetailsChanged>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();

        var response = await client.PatchAsync($"/members/{member}", new StringContent(
            """{ "phone": "13700137000", "email": null, "changedBy": "支部书记" }""", Encoding.UTF8, "application/merge-patch+json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("李四", "137****7000"), (read.GetProperty("name").GetString(), read.GetProperty("phone").GetString()));
        Assert.Equal(JsonValueKind.Null, read.GetProperty("email").ValueKind);
        var published = await listener.ReceivedAsync(e => e.MemberId == member, because: "MemberDetailsChanged should reach a subscriber");
        Assert.Equal(["phone", "email"], published.ChangedFields);
        Assert.Null(published.Name);
    }

    [Fact]
    public async Task A_patch_that_breaks_a_rule_names_the_field_and_changes_nothing()
    {
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync(), "王五");
        using var client = api.CreateClient();

        var badPhone = await client.PatchAsync($"/members/{member}", JsonContent.Create(new { phone = "12345", changedBy = "支部书记" }));
        var birthDateAgainstId = await client.PatchAsync($"/members/{member}", JsonContent.Create(new { birthDate = "1980-05-02", changedBy = "支部书记" }));
        var noOne = await client.PatchAsync($"/members/{member}", JsonContent.Create(new { name = "王六" }));

        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.True((await badPhone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal(HttpStatusCode.BadRequest, birthDateAgainstId.StatusCode);
        Assert.True((await birthDateAgainstId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("idNumber", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noOne.StatusCode);
        Assert.True((await noOne.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("changedBy", out _));
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/members/{member}")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Sending_the_same_details_again_changes_nothing_and_announces_nothing()
    {
        var idNumber = TestIdNumbers.For("1980-05-01");
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync(), "赵六", idNumber: idNumber);
        using var client = api.CreateClient();

        var response = await client.PutAsJsonAsync($"/members/{member}", new
        {
            name = "赵六", gender = "Male", birthDate = "1980-05-01", idNumber = idNumber.ToLowerInvariant(), changedBy = "支部书记",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        Assert.Equal(0, await api.WithDbAsync(db => db.MemberDetailsChanges.CountAsync(c => c.MemberId == new Lishui.Membership.Domain.MemberId(member))));
    }

    [Fact]
    public async Task An_id_number_already_on_the_roll_cannot_be_given_to_another_member()
    {
        var branch = await api.NewBranchAsync();
        var taken = TestIdNumbers.For("1980-05-01");
        await api.RegisterMemberAsync(branch, "甲", idNumber: taken);
        var other = await api.RegisterMemberAsync(branch, "乙");
        using var client = api.CreateClient();

        var response = await client.PatchAsync($"/members/{other}", JsonContent.Create(new { idNumber = taken, changedBy = "支部书记" }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("idNumber", out _));
    }
}
