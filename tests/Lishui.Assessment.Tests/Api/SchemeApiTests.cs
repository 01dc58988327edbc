using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Features.Schemes;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Tests.Api;

public sealed class SchemeApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>
{
    private Task<int> SchemesOfAsync(Guid organisation) => api.WithDbAsync(db => db.Schemes.CountAsync(s => s.OrganisationId == organisation));

    [Fact]
    public async Task The_Hefeng_member_scheme_is_created_with_five_dimensions_and_the_default_grade_thresholds()
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/schemes", AssessmentApiFactory.HefengScheme(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<SchemeResponse>(AssessmentApiFactory.Json))!;
        Assert.Equal($"/schemes/{created.Id}", response.Headers.Location?.ToString());
        var read = (await client.GetFromJsonAsync<SchemeResponse>($"/schemes/{created.Id}", AssessmentApiFactory.Json))!;
        Assert.Equal(["日常行为规范", "配合村组开展工作", "参加组织生活", "党员志愿服务", "走访联系群众"], read.Dimensions.Select(d => d.Name));
        Assert.Equal(100, read.Total);
        Assert.Equal((90m, 70m, 60m), (read.GradeThresholds.Excellent, read.GradeThresholds.Qualified, read.GradeThresholds.BasicallyQualified));
        Assert.Equal(1, read.Revision);
        Assert.Equal(1, await api.WithDbAsync(db => db.SchemeVersions.CountAsync(v => v.SchemeId == created.Id)));
    }

    [Fact]
    public async Task Dimension_maxima_that_do_not_sum_to_the_total_are_refused_and_nothing_is_written()
    {
        var organisation = Guid.NewGuid();
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/schemes", new
        {
            organisationId = organisation,
            year = 2026,
            subjectType = "Member",
            total = 100,
            dimensions = new[] { new { code = "daily-conduct", name = "日常行为规范", max = 50 }, new { code = "village-work", name = "配合村组开展工作", max = 40 } },
        });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "scheme.dimensions-do-not-sum-to-total", "dimensions");
        Assert.Equal(0, await SchemesOfAsync(organisation));
    }

    [Theory]
    [InlineData(70, 70, 60)] // Excellent and Qualified overlap
    [InlineData(90, 60, 70)] // out of order
    [InlineData(110, 70, 60)] // Excellent unreachable
    [InlineData(90, 70, 0)] // Unqualified left with no range
    public async Task Grade_thresholds_that_overlap_or_leave_a_grade_without_a_range_are_refused(decimal excellent, decimal qualified, decimal basicallyQualified)
    {
        var organisation = Guid.NewGuid();
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/schemes",
            AssessmentApiFactory.HefengScheme(organisation, thresholds: new { excellent, qualified, basicallyQualified }));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "scheme.grade-thresholds-invalid", "gradeThresholds");
        Assert.Equal(0, await SchemesOfAsync(organisation));
    }

    [Fact]
    public async Task Missing_and_mistyped_fields_are_all_listed_at_once()
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/schemes", new { year = "this year", subjectType = "Member" });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "field.required", "organisationId");
        Assert.True(problem.GetProperty("errors").TryGetProperty("year", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("dimensions", out _));
    }

    [Fact]
    public async Task An_organisation_has_one_scheme_per_year_and_subject_type_and_a_retry_with_the_same_key_replays()
    {
        var organisation = Guid.NewGuid();
        using var client = api.CreateClient();
        var key = Guid.NewGuid().ToString();
        var first = await PostWithKeyAsync(client, AssessmentApiFactory.HefengScheme(organisation), key);
        var retry = await PostWithKeyAsync(client, AssessmentApiFactory.HefengScheme(organisation), key);
        var second = await client.PostAsJsonAsync("/schemes", AssessmentApiFactory.HefengScheme(organisation));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        await ApiAssert.ProblemAsync(second, HttpStatusCode.BadRequest, "scheme.exists", "year");
        Assert.Equal(1, await SchemesOfAsync(organisation));
    }

    [Fact]
    public async Task Changing_a_scheme_after_its_year_started_needs_a_reason_and_an_effective_date_and_adds_a_version()
    {
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(Guid.NewGuid(), year: DateTime.UtcNow.Year));
        using var client = api.CreateClient();
        var dimensions = new[]
        {
            new { code = "daily-conduct", name = "日常行为规范", max = 30 },
            new { code = "village-work", name = "配合村组开展工作", max = 20 },
            new { code = "organisational-life", name = "参加组织生活", max = 20 },
            new { code = "volunteer-service", name = "党员志愿服务", max = 15 },
            new { code = "visiting-residents", name = "走访联系群众", max = 15 },
        };

        var withoutReason = await client.PutAsJsonAsync($"/schemes/{scheme}", new { total = 100, dimensions });
        var withReason = await client.PutAsJsonAsync($"/schemes/{scheme}",
            new { total = 100, dimensions, reason = "镇党委要求加重日常行为规范", effectiveFrom = $"{DateTime.UtcNow.Year}-07-01" });

        await ApiAssert.ProblemAsync(withoutReason, HttpStatusCode.UnprocessableEntity, "scheme.revision-needs-reason", "reason");
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        var revised = (await withReason.Content.ReadFromJsonAsync<SchemeResponse>(AssessmentApiFactory.Json))!;
        Assert.Equal(2, revised.Revision);
        Assert.Equal(30, revised.Dimensions.Single(d => d.Code == "daily-conduct").Max);
        var versions = await api.WithDbAsync(db => db.SchemeVersions.Where(v => v.SchemeId == scheme).OrderBy(v => v.Revision).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Revision));
        Assert.Equal("镇党委要求加重日常行为规范", versions[1].Reason);
        Assert.Equal(20, versions[0].Content.Dimensions.Single(d => d.Code == "daily-conduct").Max);
    }

    [Fact]
    public async Task A_revision_cannot_drop_a_dimension_the_ledger_may_refer_to()
    {
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(Guid.NewGuid(), year: DateTime.UtcNow.Year + 1));
        using var client = api.CreateClient();
        var response = await client.PutAsJsonAsync($"/schemes/{scheme}",
            new { total = 100, dimensions = new[] { new { code = "daily-conduct", name = "日常行为规范", max = 100 } } });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "scheme.dimension-removed", "dimensions");
        Assert.Equal(1, await api.WithDbAsync(db => db.SchemeVersions.CountAsync(v => v.SchemeId == scheme)));
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/schemes") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
