using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Pairing;
using Lishui.Contracts.PracticalProjects;
using Lishui.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Assessment.Tests.Api;

/// <summary>
/// 治理成效清单: the other services' events arrive through the real broker into small local read
/// models; the list counts them with the published assessment results of the village's subtree.
/// </summary>
public sealed class GovernanceListApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private async Task PublishAndWaitAsync(params IntegrationEvent[] events)
    {
        using var client = api.CreateClient(); // starts the host, and with it the bus
        var bus = api.Services.GetRequiredService<IBus>();
        foreach (var e in events)
        {
            await bus.PublishWithinDeadlineAsync(e, e.GetType());
        }

        var ids = events.Select(e => e.EventId).Distinct().ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await api.WithDbAsync(db => db.GovernanceFacts.CountAsync(f => ids.Contains(f.EventId))) < ids.Count)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    private static AttendanceRecorded Attendance(Guid member, Guid organisation, string attendance) => new AttendanceRecorded
    {
        SessionId = Guid.NewGuid(), PairingId = Guid.NewGuid(), MemberId = member, MemberOrganisationId = organisation,
        HeldOn = new DateOnly(2026, 3, 3), Attendance = attendance,
    }.About(Guid.NewGuid(), Guid.NewGuid(), 1, Now);

    [Fact]
    public async Task A_village_with_nothing_reported_shows_no_data_rather_than_zero()
    {
        var village = await api.CreateOrganisationAsync(null, "横江村党委", "PartyCommittee");
        using var client = api.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement>($"/governance/villages/{village}?year=2026");
        var csv = await client.GetByteArrayAsync($"/governance/villages/{village}/list.csv?year=2026");

        Assert.Equal("横江村党委", list.GetProperty("village").GetString());
        foreach (var figure in new[] { "memberGrades", "fiveGoodHouseholds", "safetyProduction", "environmentalRemediation", "studyAttendance", "pairingContacts", "residentRequestsAnsweredOnTime", "projectsCompleted" })
        {
            Assert.Equal(JsonValueKind.Null, list.GetProperty(figure).ValueKind);
        }

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv.Take(3));
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.StartsWith("指标,数值,说明\r\n", text, StringComparison.Ordinal);
        Assert.Contains("第一议题学习出勤率,无数据,无数据", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/governance/villages/{Guid.NewGuid()}?year=2026")).StatusCode);
    }

    [Fact]
    public async Task The_list_counts_grades_households_safety_attendance_contacts_requests_and_projects_of_the_village_subtree()
    {
        var village = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var branch = await api.CreateOrganisationAsync(village, "鹤峰村党支部");
        var gaobian = await api.CreateOrganisationAsync(branch, "高边党群小组", "PartyMassGroup", "高边经济社");
        var otherVillage = await api.CreateOrganisationAsync(null, "洲村党委", "PartyCommittee");
        var members = await api.RegisterMembersAsync(gaobian, "张建国", "李秀英", "陈伟", "何志华");
        var households = await api.RegisterHouseholdsAsync(gaobian, "高边经济社", "黄永康", "冯德华");

        // Assessments of the year: two members graded, households rated, the cooperative's safety scored.
        var memberScheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(village));
        foreach (var d in new[] { "daily-conduct", "village-work", "organisational-life", "volunteer-service", "visiting-residents" })
        {
            (await api.EnterAsync(memberScheme, members[0], d, 19)).EnsureSuccessStatusCode(); // 95
            (await api.EnterAsync(memberScheme, members[1], d, 15)).EnsureSuccessStatusCode(); // 75
        }

        var householdScheme = await api.CreateSchemeAsync(AssessmentApiFactory.QuarterScheme(village, "Household", null, "a", "b", "c", "d"));
        foreach (var d in new[] { "d1", "d2", "d3" })
        {
            (await api.EnterAsync(householdScheme, households[0], d, 25)).EnsureSuccessStatusCode(); // 75: five-good
        }

        var safetyScheme = await api.CreateSchemeAsync(AssessmentApiFactory.QuarterScheme(village, "EconomicCooperative", "SafetyProduction", "a", "b", "c", "d"));
        (await api.EnterAsync(safetyScheme, gaobian, "d1", 20)).EnsureSuccessStatusCode(); // 20 of 100
        using var client = api.CreateClient();
        foreach (var scheme in new[] { memberScheme, householdScheme, safetyScheme })
        {
            (await client.PostAsJsonAsync($"/schemes/{scheme}/close", new { })).EnsureSuccessStatusCode();
        }

        // Other services' events: each arrives once however often it is delivered.
        var present = Attendance(members[0], gaobian, "Present");
        var pairA = Guid.NewGuid();
        var pairB = Guid.NewGuid();
        var onTime = Guid.NewGuid();
        var late = Guid.NewGuid();
        await PublishAndWaitAsync(
            present, present, Attendance(members[1], gaobian, "Present"), Attendance(members[2], branch, "Present"), Attendance(members[3], gaobian, "Absent"),
            Attendance(Guid.NewGuid(), otherVillage, "Absent"),
            new ContactLogged { MemberPairId = pairA, PairingId = Guid.NewGuid(), OrganMemberId = Guid.NewGuid(), VillageMemberId = members[0], ContactedOn = new DateOnly(2026, 4, 1), Channel = "Visit" }
                .About(pairA, Guid.NewGuid(), 1, Now),
            new ContactOverdue { MemberPairId = pairB, PairingId = Guid.NewGuid(), OrganMemberId = Guid.NewGuid(), VillageMemberId = members[1], DueOn = new DateOnly(2026, 4, 30), LastContactedOn = null }
                .About(pairB, Guid.NewGuid(), 1, Now),
            new ResidentRequestAnswered { RequestId = onTime, ReferenceNumber = "R-1", Origin = "StationingVisit", Reply = "已办", ReceivedOn = new DateOnly(2026, 5, 5), AnsweredOn = new DateOnly(2026, 5, 8), ContactHeldBy = null, ContactRequestId = null }
                .About(onTime, village, 2, Now),
            new ResidentRequestOverdue { RequestId = late, ReferenceNumber = "R-2", ReceivedOn = new DateOnly(2026, 5, 5), DueOn = new DateOnly(2026, 5, 20) }
                .About(late, village, 2, Now),
            new ResidentRequestAnswered { RequestId = late, ReferenceNumber = "R-2", Origin = "EchoWall", Reply = "已办", ReceivedOn = new DateOnly(2026, 5, 5), AnsweredOn = new DateOnly(2026, 6, 1), ContactHeldBy = null, ContactRequestId = null }
                .About(late, village, 3, Now),
            new ProjectStatusChanged { ProjectId = Guid.NewGuid(), PreviousStatus = "InProgress", Status = "Completed", EffectiveOn = new DateOnly(2026, 9, 1) }.About(Guid.NewGuid(), branch, 5, Now),
            new ProjectStatusChanged { ProjectId = Guid.NewGuid(), PreviousStatus = "Proposed", Status = "Approved", EffectiveOn = new DateOnly(2026, 9, 1) }.About(Guid.NewGuid(), village, 2, Now));

        var list = await client.GetFromJsonAsync<JsonElement>($"/governance/villages/{village}?year=2026");

        var grades = list.GetProperty("memberGrades");
        Assert.Equal((4, 1, 1, 0, 2, 42.5m, false), (grades.GetProperty("assessed").GetInt32(), grades.GetProperty("excellent").GetInt32(), grades.GetProperty("qualified").GetInt32(),
            grades.GetProperty("basicallyQualified").GetInt32(), grades.GetProperty("unqualified").GetInt32(), grades.GetProperty("averageTotal").GetDecimal(), grades.GetProperty("final").GetBoolean()));
        Assert.Equal((2, 1, 0.5m), Rate(list.GetProperty("fiveGoodHouseholds")));
        Assert.Equal((1, 20m), (list.GetProperty("safetyProduction").GetProperty("subjects").GetInt32(), list.GetProperty("safetyProduction").GetProperty("averagePercent").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, list.GetProperty("environmentalRemediation").ValueKind);
        Assert.Equal((4, 3, 0.75m), Rate(list.GetProperty("studyAttendance")));
        var contacts = list.GetProperty("pairingContacts");
        Assert.Equal((2, 1, 1, 0.5m), (contacts.GetProperty("pairs").GetInt32(), contacts.GetProperty("pairsOverdue").GetInt32(), contacts.GetProperty("contactsLogged").GetInt32(), contacts.GetProperty("rate").GetDecimal()));
        Assert.Equal((2, 1, 0.5m), Rate(list.GetProperty("residentRequestsAnsweredOnTime")));
        Assert.Equal(1, list.GetProperty("projectsCompleted").GetInt32());

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/governance/villages/{village}/list.csv?year=2026"));
        Assert.Contains("第一议题学习出勤率,75%,3/4 人次", csv, StringComparison.Ordinal);
        Assert.Contains("环境整治平均得分率,无数据,无数据", csv, StringComparison.Ordinal);
    }

    private static (int Of, int Count, decimal Rate) Rate(JsonElement figure) =>
        (figure.GetProperty("of").GetInt32(), figure.GetProperty("count").GetInt32(), figure.GetProperty("rate").GetDecimal());
}
