using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Messaging;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Assessment.Tests.Api;

/// <summary>
/// The Assessment service in process, on a real PostgreSQL database of its own (migrated with the
/// service's migrations) and the real broker under queue names of its own. The outbox relay is
/// left out so tests can read the events each change queued; <see cref="AssessmentApiWithRelayFactory"/>
/// keeps it and shows they leave.
/// </summary>
public class AssessmentApiFactory() : ServiceApiFactory<Program, AssessmentDbContext>("assessment", AssessmentDbContext.ConnectionName)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    protected override bool RunOutboxRelay => false;

    /// <summary>Whether the service runs on <see cref="Clock"/> (false: on the clock the service itself registers).</summary>
    protected virtual bool UseTestClock => true;

    /// <summary>The service's clock: real time unless a test moves it (e.g. past a publication window).</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Puts members on this service's local roll the way MemberRegistered does.</summary>
    public async Task<Guid[]> RegisterMembersAsync(Guid organisationId, params string[] names)
    {
        var ids = new List<Guid>();
        await WithDbAsync(async db =>
        {
            foreach (var name in names)
            {
                var id = Guid.CreateVersion7();
                await db.ApplyAsync(new MemberRegistered { MemberId = id, Name = name, Status = MemberStatus.Full, JoinedOn = new DateOnly(2010, 7, 1) }
                    .About(id, organisationId, 1, DateTimeOffset.UtcNow), CancellationToken.None);
                ids.Add(id);
            }

            return await db.SaveChangesAsync();
        });
        return [.. ids];
    }

    /// <summary>Adds an organisation to this service's local tree the way OrganisationCreated does.</summary>
    public async Task<Guid> CreateOrganisationAsync(Guid? parentId, string name, string kind = "Branch", string? economicCooperative = null)
    {
        var id = Guid.CreateVersion7();
        await WithDbAsync(async db =>
        {
            await db.ApplyAsync(new OrganisationCreated { ParentId = parentId, Name = name, Kind = Enum.Parse<OrganisationKind>(kind), EconomicCooperative = economicCooperative }
                .About(id, id, 1, DateTimeOffset.UtcNow), CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Puts households of a party–mass group on the local view the way HouseholdRegistered does.</summary>
    public async Task<Guid[]> RegisterHouseholdsAsync(Guid partyMassGroupId, string economicCooperative, params string[] heads)
    {
        var ids = heads.Select(_ => Guid.CreateVersion7()).ToArray();
        await WithDbAsync(async db =>
        {
            foreach (var (id, head) in ids.Zip(heads))
            {
                await db.ApplyAsync(new HouseholdRegistered { HouseholdId = id, HeadName = head, MembersCount = 4, EconomicCooperative = economicCooperative }
                    .About(id, partyMassGroupId, 1, DateTimeOffset.UtcNow), CancellationToken.None);
            }

            return await db.SaveChangesAsync();
        });
        return ids;
    }

    /// <summary>A scheme of four dimensions of 25 for any subject type and topic.</summary>
    public static object QuarterScheme(Guid organisationId, string subjectType, string? topic, params string[] dimensionNames) => new
    {
        organisationId,
        year = 2026,
        subjectType,
        topic,
        total = 100,
        dimensions = dimensionNames.Select((name, i) => new { code = $"d{i + 1}", name, max = 100m / dimensionNames.Length }),
    };

    /// <summary>The Hefeng member scheme (five dimensions of 20) for a fresh organisation.</summary>
    public static object HefengScheme(Guid organisationId, int year = 2026, object? thresholds = null, decimal? excellentShareCap = null) => new
    {
        organisationId,
        year,
        subjectType = "Member",
        total = 100,
        dimensions = SchemeTemplates.HefengMemberDimensions.Select(d => new { code = d.Code, name = d.Name, max = d.Max }),
        gradeThresholds = thresholds,
        excellentShareCap,
    };

    public async Task<Guid> CreateSchemeAsync(object body)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/schemes", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> EnterAsync(Guid scheme, Guid subject, string dimension, decimal points, string reason = "志愿服务")
    {
        using var client = CreateClient();
        return await client.PostAsJsonAsync($"/schemes/{scheme}/ledger-entries",
            new { subjectId = subject, dimension, points, reason, enteredBy = "鹤峰村党委书记" });
    }

    /// <summary>Events queued in the outbox for one aggregate, by URN.</summary>
    public Task<List<OutboxMessage>> OutboxAsync(Guid aggregateId) =>
        WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.AggregateId == aggregateId).OrderBy(m => m.Id).ToListAsync());

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        if (UseTestClock)
        {
            services.AddSingleton<TimeProvider>(Clock);
        }
    }
}

public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public void Advance(TimeSpan by) => offset += by;

    public void Reset() => offset = TimeSpan.Zero;
}

public sealed class AssessmentApiWithRelayFactory : AssessmentApiFactory
{
    protected override bool RunOutboxRelay => true;
}
