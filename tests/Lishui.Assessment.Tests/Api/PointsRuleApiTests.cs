using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Tests.Api;

/// <summary>A points rule names an event that exists and scores; a typo is refused, naming the rule's field.</summary>
public sealed class PointsRuleApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>
{
    private static object SchemeWith(Guid organisationId, int year, params object[] rules) => new
    {
        organisationId,
        year,
        subjectType = "Member",
        total = 100,
        dimensions = SchemeTemplates.HefengMemberDimensions.Select(d => new { code = d.Code, name = d.Name, max = d.Max }),
        rules,
    };

    private static object Rule(string code, string eventType, decimal points, string? outcome = null) =>
        new { code, eventType, dimension = "organisational-life", points, capPerPeriod = 20, period = "Year", outcome };

    [Theory]
    [InlineData("lishui:pairing:attendence-recorded:v1", "scheme.rule-event-unknown")] // a typo
    [InlineData("lishui:pairing:attendance-recorded:v2", "scheme.rule-event-unknown")] // no such version
    [InlineData("lishui:membership:member-registered:v1", "scheme.rule-event-not-scored")] // exists, never scores
    public async Task A_rule_naming_an_event_no_contract_scores_is_refused_and_nothing_is_created(string eventType, string code)
    {
        var organisation = Guid.NewGuid();
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/schemes", SchemeWith(organisation, 2026,
            Rule("tuesday-study", PointsRule.AttendanceRecorded, 2), Rule("typo", eventType, 1)));

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, code, "rules[1].eventType");
        Assert.Contains(eventType, problem.GetProperty("errors").GetProperty("rules[1].eventType")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await api.WithDbAsync(db => db.Schemes.AnyAsync(s => s.OrganisationId == organisation)));
    }

    [Fact]
    public async Task Rules_name_events_with_or_without_the_urn_prefix_and_an_absence_outcome()
    {
        var organisation = Guid.NewGuid();
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/schemes", SchemeWith(organisation, 2026,
            Rule("tuesday-study", "urn:message:" + PointsRule.AttendanceRecorded, 2),
            Rule("tuesday-missed", PointsRule.AttendanceRecorded, -2, "Absent"),
            Rule("contact", "lishui:pairing:contact-logged:v1", 1)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var rules = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal([PointsRule.AttendanceRecorded, PointsRule.AttendanceRecorded, "lishui:pairing:contact-logged:v1"], rules.Select(r => r.GetProperty("eventType").GetString()));
        Assert.Equal("Absent", rules[1].GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("lishui:pairing:attendance-recorded:v1", "Excused")] // an absence with leave never scores
    [InlineData("lishui:pairing:contact-logged:v1", "Absent")] // a contact has no outcomes
    public async Task An_outcome_the_event_does_not_have_is_refused(string eventType, string outcome)
    {
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/schemes", SchemeWith(Guid.NewGuid(), 2026, Rule("r", eventType, -2, outcome)));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "scheme.rule-outcome-invalid", "rules[0].outcome");
    }

    [Fact]
    public async Task A_revision_naming_an_unknown_event_is_refused_and_the_scheme_is_unchanged()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(SchemeWith(organisation, 2027, Rule("tuesday-study", PointsRule.AttendanceRecorded, 2)));
        using var client = api.CreateClient();
        var revision = SchemeWith(organisation, 2027, Rule("tuesday-study", "lishui:pairing:atendance-recorded:v1", 3));

        var response = await client.PutAsJsonAsync($"/schemes/{scheme}", revision);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "scheme.rule-event-unknown", "rules[0].eventType");
        var stored = await api.WithDbAsync(db => db.Schemes.AsNoTracking().FirstAsync(s => s.Id == scheme));
        Assert.Equal((1, 2m), (stored.Revision, Assert.Single(stored.Rules).Points));
    }
}
