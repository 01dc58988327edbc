using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.PracticalProjects.Messaging;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Tests;

/// <summary>
/// 征求意见 over the API, on the real database and broker: the households come from Membership's register,
/// each agreeing or disagreeing household signs, a later visit replaces the earlier one, ordinary members
/// record their own visits, and a project that needs consultation is approved only after the collection passed.
/// </summary>
public sealed class OpinionCollectionApiTests(ProjectsApiFactory api) : IClassFixture<ProjectsApiFactory>
{
    private static readonly Guid Hefeng = ProjectsApiFactory.Hefeng;

    /// <summary>A 1×1 PNG, as a signature pad would send (only smaller).</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private sealed record Cooperative(Guid Group, List<Guid> Households, Guid Visitor);

    private async Task<Cooperative> GaobianAsync(int households = 48)
    {
        var group = await api.CreateOrganisationAsync(Hefeng, "高边党群小组", "PartyMassGroup");
        var ids = await api.RegisterHouseholdsAsync(group, "高边经济社", households);
        var visitor = (await api.RegisterMembersAsync((Hefeng, "何志强")))[0];
        return new Cooperative(group, ids, visitor);
    }

    private static async Task<Guid> OpenAsync(HttpClient client, Guid group, Guid? projectId = null, int? affectedHouseholds = null)
    {
        using var opened = await client.PostAsJsonAsync("/opinion-collections", new
        {
            subject = "高边经济社修路征地", organisationId = group, projectId, affectedHouseholds,
        });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid collection, object position) =>
        client.PostAsJsonAsync($"/opinion-collections/{collection}/positions", position);

    private static object Signed(Guid household, string position, Guid? visitedBy, string name = "高伯") =>
        new { householdId = household, position, visitedBy, visitedOn = "2026-11-20", signedName = name, signatureConfirmed = true };

    private static async Task<string?> FieldErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("code").GetString();

    [Fact]
    public async Task The_register_arrives_from_Membership_and_sets_the_households_asked_whatever_the_client_says()
    {
        var group = await api.CreateOrganisationAsync(Hefeng, "岑岗党群小组", "PartyMassGroup");
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();
        await api.PublishAsync(new HouseholdRegistered { HouseholdId = first, HeadName = "岑伯", MembersCount = 3, EconomicCooperative = "岑岗经济社" }
            .About(first, group, 1, DateTimeOffset.UtcNow));
        await api.PublishAsync(new HouseholdRegistered { HouseholdId = second, HeadName = "岑婶", MembersCount = 5, EconomicCooperative = "岑岗经济社" }
            .About(second, group, 1, DateTimeOffset.UtcNow));
        await api.PublishAsync(new HouseholdChanged { HouseholdId = second, HeadName = "岑志明", MembersCount = 6 }.About(second, group, 2, DateTimeOffset.UtcNow));
        var changed = await Eventually.MatchAsync(
            () => api.WithDbAsync(db => db.Households.AsNoTracking().Where(h => h.OrganisationId == group).OrderBy(h => h.HeadName).ToListAsync()),
            h => h.Count == 2 && h.Any(x => x.HeadName == "岑志明"), because: "both registrations and the change consumed");
        Assert.Equal(6, changed.Single(h => h.HouseholdId == second).MembersCount);

        using var client = api.CreateClient();
        var register = await client.GetFromJsonAsync<JsonElement>($"/household-register?organisationId={group}");
        Assert.Equal(["岑伯", "岑志明"], register.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("headName").GetString()).Order());
        var elsewhere = await api.CreateOrganisationAsync(ProjectsApiFactory.Town, "洲村党委");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientWith(TestTokens.Secretary(elsewhere)).GetAsync($"/household-register?organisationId={group}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWith(TestTokens.Secretary(Hefeng)).GetAsync($"/household-register?organisationId={group}")).StatusCode);
        var id = await OpenAsync(client, group, affectedHouseholds: 500);

        var collection = await client.GetFromJsonAsync<JsonElement>($"/opinion-collections/{id}");
        Assert.Equal(2, collection.GetProperty("affectedHouseholds").GetInt32());
        Assert.Equal("岑岗经济社", collection.GetProperty("economicCooperative").GetString());

        // A group with no households on the register has nobody to ask.
        var empty = await api.CreateOrganisationAsync(Hefeng, "空党群小组", "PartyMassGroup");
        using var refused = await client.PostAsJsonAsync("/opinion-collections", new { subject = "修路", organisationId = empty });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("opinion.register-empty", await FieldErrorCodeAsync(refused));
    }

    [Fact]
    public async Task Only_households_on_the_register_are_recorded_and_agreeing_or_disagreeing_must_be_signed()
    {
        var gaobian = await GaobianAsync(3);
        var stranger = (await api.RegisterHouseholdsAsync(await api.CreateOrganisationAsync(Hefeng, "鹤峰党群小组", "PartyMassGroup"), "鹤峰经济社", 1))[0];
        using var client = api.CreateClient();
        var id = await OpenAsync(client, gaobian.Group);

        using var notOnRegister = await RecordAsync(client, id, Signed(stranger, "Agree", gaobian.Visitor));
        using var random = await RecordAsync(client, id, Signed(Guid.CreateVersion7(), "Agree", gaobian.Visitor));
        using var unsigned = await RecordAsync(client, id, new { householdId = gaobian.Households[0], position = "Agree", visitedBy = gaobian.Visitor, visitedOn = "2026-11-20" });
        using var unconfirmed = await RecordAsync(client, id, new
        {
            householdId = gaobian.Households[0], position = "Disagree", visitedBy = gaobian.Visitor, visitedOn = "2026-11-20", signedName = "高伯", signatureConfirmed = false,
        });
        using var unknownVisitor = await RecordAsync(client, id, Signed(gaobian.Households[0], "Agree", Guid.CreateVersion7()));

        Assert.Equal(
            [HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest],
            new[] { notOnRegister.StatusCode, random.StatusCode, unsigned.StatusCode, unconfirmed.StatusCode, unknownVisitor.StatusCode });
        Assert.Equal("opinion.household-not-on-register", await FieldErrorCodeAsync(notOnRegister));
        Assert.Equal("opinion.signature-required", await FieldErrorCodeAsync(unsigned));
        Assert.Contains("签字", (await unconfirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("opinion.visitor-unknown", await FieldErrorCodeAsync(unknownVisitor));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/opinion-collections/{id}")).GetProperty("result").GetProperty("notVisited").GetInt32() - 3);

        // Abstaining needs no signature; a typed name with the household's confirmation is one.
        (await RecordAsync(client, id, new { householdId = gaobian.Households[1], position = "Abstain", visitedBy = gaobian.Visitor, visitedOn = "2026-11-20" })).EnsureSuccessStatusCode();
        (await RecordAsync(client, id, Signed(gaobian.Households[0], "Agree", gaobian.Visitor, "高志强"))).EnsureSuccessStatusCode();

        var positions = await client.GetFromJsonAsync<JsonElement>($"/opinion-collections/{id}/positions");
        Assert.Equal(2, positions.GetProperty("total").GetInt32());
        var signed = positions.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("householdId").GetGuid() == gaobian.Households[0]);
        Assert.Equal(("高志强", true, "户主01"), (signed.GetProperty("signedName").GetString(), signed.GetProperty("signed").GetBoolean(), signed.GetProperty("headName").GetString()));
    }

    [Fact]
    public async Task A_drawn_signature_is_a_checked_png_served_back_only_to_those_who_may_read_the_collection()
    {
        var gaobian = await GaobianAsync(2);
        using var client = api.CreateClient();
        var id = await OpenAsync(client, gaobian.Group);

        static ByteArrayContent Body(byte[] bytes, string type)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            return content;
        }

        using var jpeg = await client.PostAsync($"/opinion-collections/{id}/signatures", Body(Png, "image/jpeg"));
        using var notPng = await client.PostAsync($"/opinion-collections/{id}/signatures", Body("这不是图片"u8.ToArray(), "image/png"));
        using var tooLarge = await client.PostAsync($"/opinion-collections/{id}/signatures", Body([.. Png, .. new byte[300 * 1024]], "image/png"));
        Assert.Equal(
            [HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnprocessableEntity, HttpStatusCode.RequestEntityTooLarge],
            new[] { jpeg.StatusCode, notPng.StatusCode, tooLarge.StatusCode });
        Assert.Equal("opinion.signature-image-invalid", await FieldErrorCodeAsync(notPng));
        Assert.False(await api.WithDbAsync(db => db.SignatureImages.AnyAsync(s => s.CollectionId == new Domain.Opinions.OpinionCollectionId(id))));

        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/opinion-collections/{id}/signatures") { Content = Body(Png, "image/png") };
        upload.Headers.Add("Idempotency-Key", $"signature-{id}");
        using var stored = await client.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var image = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await RecordAsync(client, id, new
        {
            householdId = gaobian.Households[0], position = "Agree", visitedBy = gaobian.Visitor, visitedOn = "2026-11-20", signatureImageId = image,
        })).EnsureSuccessStatusCode();
        using var foreignImage = await RecordAsync(client, id, new
        {
            householdId = gaobian.Households[1], position = "Agree", visitedBy = gaobian.Visitor, visitedOn = "2026-11-20", signatureImageId = Guid.CreateVersion7(),
        });
        Assert.Equal("opinion.signature-image-unknown", await FieldErrorCodeAsync(foreignImage));

        using var served = await client.GetAsync($"/opinion-collections/{id}/signatures/{image}");
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        var cengang = await api.CreateOrganisationAsync(ProjectsApiFactory.Town, "岑岗村党委");
        using var otherSecretary = api.ClientWith(TestTokens.Secretary(cengang));
        using var anonymous = api.ClientWith(null);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherSecretary.GetAsync($"/opinion-collections/{id}/signatures/{image}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/opinion-collections/{id}/signatures/{image}")).StatusCode);

        // Who looked at the signature is on the audit trail.
        var audit = await client.GetFromJsonAsync<JsonElement>("/audit-trail?actor=town-admin&pageSize=200");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("method").GetString() == "GET" && e.GetProperty("path").GetString() == $"/opinion-collections/{id}/signatures/{image}");
    }

    [Fact]
    public async Task A_later_visit_replaces_the_households_position_and_the_first_is_kept()
    {
        var gaobian = await GaobianAsync(2);
        using var client = api.CreateClient();
        var id = await OpenAsync(client, gaobian.Group);

        (await RecordAsync(client, id, Signed(gaobian.Households[0], "Disagree", gaobian.Visitor))).EnsureSuccessStatusCode();
        using var second = await RecordAsync(client, id, Signed(gaobian.Households[0], "Agree", gaobian.Visitor));

        var result = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result");
        Assert.Equal((1, 0, 1), (result.GetProperty("agree").GetInt32(), result.GetProperty("disagree").GetInt32(), result.GetProperty("notVisited").GetInt32()));
        var positions = await client.GetFromJsonAsync<JsonElement>($"/opinion-collections/{id}/positions");
        Assert.Equal(2, Assert.Single(positions.GetProperty("items").EnumerateArray()).GetProperty("revision").GetInt32());
        var history = await api.WithDbAsync(db => db.OpinionCollections.AsNoTracking().Where(c => c.Id == new Domain.Opinions.OpinionCollectionId(id)).SelectMany(c => c.Positions).ToListAsync());
        Assert.Equal(["Disagree", "Agree"], history.OrderBy(p => p.Revision).Select(p => p.Position.ToString()));
    }

    [Fact]
    public async Task A_double_click_with_one_Idempotency_Key_records_the_household_once()
    {
        var gaobian = await GaobianAsync(2);
        using var client = api.CreateClient();
        var id = await OpenAsync(client, gaobian.Group);

        async Task<HttpResponseMessage> SendAsync(string key, string position)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/opinion-collections/{id}/positions")
            {
                Content = JsonContent.Create(Signed(gaobian.Households[0], position, gaobian.Visitor)),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(SendAsync(key, "Agree"), SendAsync(key, "Agree"));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        using var again = await SendAsync(key, "Agree");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        // The same key for another answer is a client's mistake, not a silent replay.
        using var reused = await SendAsync(key, "Disagree");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);

        var history = await api.WithDbAsync(db => db.OpinionCollections.AsNoTracking().Where(c => c.Id == new Domain.Opinions.OpinionCollectionId(id)).SelectMany(c => c.Positions).ToListAsync());
        Assert.Equal(1, Assert.Single(history).Revision);
        // A new submission (a new key) is a new visit.
        (await SendAsync(Guid.NewGuid().ToString(), "Disagree")).EnsureSuccessStatusCode();
        var positions = await client.GetFromJsonAsync<JsonElement>($"/opinion-collections/{id}/positions");
        Assert.Equal(2, Assert.Single(positions.GetProperty("items").EnumerateArray()).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task A_secretary_lists_the_collections_of_the_villages_cooperatives_open_ones_first()
    {
        var village = await api.CreateOrganisationAsync(ProjectsApiFactory.Town, "鹤峰村党委（列表）");
        var group = await api.CreateOrganisationAsync(village, "高边党群小组", "PartyMassGroup");
        await api.RegisterHouseholdsAsync(group, "高边经济社", 3);
        var other = await api.CreateOrganisationAsync(ProjectsApiFactory.Town, "洲村党委");
        var otherGroup = await api.CreateOrganisationAsync(other, "东方党群小组", "PartyMassGroup");
        await api.RegisterHouseholdsAsync(otherGroup, "东方经济社", 2);
        using var client = api.CreateClient();
        var done = await OpenAsync(client, group);
        (await client.PostAsync($"/opinion-collections/{done}/completion", null)).EnsureSuccessStatusCode();
        var open = await OpenAsync(client, group);
        await OpenAsync(client, otherGroup);

        var secretary = api.ClientWith(TestTokens.Secretary(village));
        var list = await secretary.GetFromJsonAsync<JsonElement>($"/opinion-collections?organisationId={village}");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal([open, done], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(3, list.GetProperty("items")[0].GetProperty("result").GetProperty("notVisited").GetInt32());
        var openOnly = await secretary.GetFromJsonAsync<JsonElement>($"/opinion-collections?organisationId={village}&completed=false");
        Assert.Equal(open, Assert.Single(openOnly.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        // Another village's secretary, or one who names no organisation of theirs, is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientWith(TestTokens.Secretary(other)).GetAsync($"/opinion-collections?organisationId={village}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/opinion-collections")).StatusCode);
    }

    [Fact]
    public async Task An_ordinary_member_of_the_village_records_the_visits_they_made_and_no_one_elses()
    {
        var gaobian = await GaobianAsync(3);
        var cengang = await api.CreateOrganisationAsync(ProjectsApiFactory.Town, "岑岗村党委");
        var outsider = (await api.RegisterMembersAsync((cengang, "岑丽")))[0];
        using var admin = api.CreateClient();
        var id = await OpenAsync(admin, gaobian.Group);
        using var member = api.ClientWith(TestTokens.Member(gaobian.Visitor, "he-zhiqiang"));
        using var stranger = api.ClientWith(TestTokens.Member(outsider, "cen-li"));

        using var own = await RecordAsync(member, id, new { householdId = gaobian.Households[0], position = "Agree", visitedOn = "2026-11-20", signedName = "高伯", signatureConfirmed = true });
        using var forSomeoneElse = await RecordAsync(member, id, Signed(gaobian.Households[1], "Agree", outsider));
        using var otherVillage = await RecordAsync(stranger, id, Signed(gaobian.Households[2], "Agree", outsider));
        using var opening = await member.PostAsJsonAsync("/opinion-collections", new { subject = "再修一条路", organisationId = gaobian.Group });

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { own.StatusCode, forSomeoneElse.StatusCode, otherVillage.StatusCode, opening.StatusCode });
        Assert.Equal("opinion.visit-not-own", await FieldErrorCodeAsync(forSomeoneElse));
        var positions = await admin.GetFromJsonAsync<JsonElement>($"/opinion-collections/{id}/positions");
        Assert.Equal(gaobian.Visitor, Assert.Single(positions.GetProperty("items").EnumerateArray()).GetProperty("visitedBy").GetGuid());
    }

    [Fact]
    public async Task A_project_that_needs_consultation_is_approved_only_after_ninety_percent_of_the_register_agreed()
    {
        var gaobian = await GaobianAsync(48);
        using var client = api.CreateClient();
        var project = await ProposeRoadAsync(client);
        var approve = new { status = "Approved", effectiveOn = "2026-11-25" };

        // Opening a collection for the project puts its approval behind the result.
        var id = await OpenAsync(client, gaobian.Group, project);
        using var beforeResult = await client.PostAsJsonAsync($"/projects/{project}/status-changes", approve);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beforeResult.StatusCode);
        var problem = await beforeResult.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("project.consultation-not-passed", problem.GetProperty("fieldErrors")[0].GetProperty("code").GetString());
        Assert.StartsWith("该项目须先征求涉及农户意见", problem.GetProperty("fieldErrors")[0].GetProperty("message").GetString());

        for (var i = 0; i < 48; i++)
        {
            (await RecordAsync(client, id, Signed(gaobian.Households[i], i < 44 ? "Agree" : "Disagree", gaobian.Visitor, $"户主{i + 1:00}"))).EnsureSuccessStatusCode();
        }

        (await client.PostAsync($"/opinion-collections/{id}/completion", null)).EnsureSuccessStatusCode();
        using var approved = await client.PostAsJsonAsync($"/projects/{project}/status-changes", approve);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // The public record shows the result as counts, with no household or signature in it.
        using var anonymous = api.ClientWith(null);
        var record = await anonymous.GetStringAsync($"/public/projects/{project}");
        var consultation = JsonDocument.Parse(record).RootElement.GetProperty("consultations").EnumerateArray().Single();
        Assert.Equal((48, 44, 4, 0, 91.7m, true, true), (
            consultation.GetProperty("affectedHouseholds").GetInt32(), consultation.GetProperty("agree").GetInt32(), consultation.GetProperty("disagree").GetInt32(),
            consultation.GetProperty("notVisited").GetInt32(), consultation.GetProperty("agreeShare").GetDecimal(), consultation.GetProperty("completed").GetBoolean(),
            consultation.GetProperty("passed").GetBoolean()));
        Assert.DoesNotContain(gaobian.Households[0].ToString(), record);
        Assert.DoesNotContain("户主01", record);
    }

    [Fact]
    public async Task A_failed_consultation_keeps_the_project_from_approval_and_one_declared_without_a_collection_waits_too()
    {
        var gaobian = await GaobianAsync(10);
        using var client = api.CreateClient();
        var failing = await ProposeRoadAsync(client);
        var declared = await ProposeRoadAsync(client, requiresConsultation: true);
        var id = await OpenAsync(client, gaobian.Group, failing);
        for (var i = 0; i < 10; i++)
        {
            (await RecordAsync(client, id, Signed(gaobian.Households[i], i < 8 ? "Agree" : "Disagree", gaobian.Visitor))).EnsureSuccessStatusCode();
        }

        var result = await (await client.PostAsync($"/opinion-collections/{id}/completion", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("result").GetProperty("passed").GetBoolean());
        var approve = new { status = "Approved", effectiveOn = "2026-11-25" };

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsJsonAsync($"/projects/{failing}/status-changes", approve)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsJsonAsync($"/projects/{declared}/status-changes", approve)).StatusCode);
        Assert.True((await client.GetFromJsonAsync<JsonElement>($"/projects/{declared}")).GetProperty("requiresConsultation").GetBoolean());
        // An ordinary project is approved as before.
        var plain = await ProposeRoadAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/projects/{plain}/status-changes", approve)).StatusCode);
    }

    private static async Task<Guid> ProposeRoadAsync(HttpClient client, bool? requiresConsultation = null)
    {
        using var response = await client.PostAsJsonAsync("/projects", new
        {
            title = "高边经济社村道硬底化", level = "Village", batch = "2026年第一批", domain = "RuralRevitalisation", responsibleOrganisationId = Hefeng,
            responsibleCadre = "何书记", location = "高边经济社", plannedStart = "2026-12-01", plannedEnd = "2027-06-30", budget = 300000,
            fundingSource = "村集体资金", requiresConsultation,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
