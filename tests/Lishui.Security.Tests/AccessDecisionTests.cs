using Lishui.Shared.Security;

namespace Lishui.Security.Tests;

/// <summary>Every grant against every role, inside and outside the resource's subtree, reading and writing.</summary>
[Trait("Category", "Unit")]
public sealed class AccessDecisionTests
{
    private static readonly Guid Town = Guid.NewGuid();
    private static readonly Guid Hefeng = Guid.NewGuid();
    private static readonly Guid Gaobian = Guid.NewGuid();
    private static readonly Guid Zhoucun = Guid.NewGuid();
    private static readonly Guid Me = Guid.NewGuid();

    /// <summary>A member of the Gaobian group (Gaobian → Hefeng → town).</summary>
    private static readonly ResourceScope GaobianMember = new([Gaobian, Hefeng, Town], Me);

    private static Caller As(string role, Guid? org = null, Guid? member = null, string? scope = null) =>
        new("someone", new HashSet<string> { role }, org, member, scope is null ? new HashSet<string>() : new HashSet<string> { scope }, null);

    public static TheoryData<string, Guid?, Guid?, bool, AccessOutcome> OrganisationData => new()
    {
        { PlatformRoles.TownAdministrator, null, null, false, AccessOutcome.Allowed },
        { PlatformRoles.OrganisationSecretary, Hefeng, null, false, AccessOutcome.Allowed },   // ancestor
        { PlatformRoles.OrganisationSecretary, Gaobian, null, false, AccessOutcome.Allowed },  // the organisation itself
        { PlatformRoles.OrganisationSecretary, Zhoucun, null, false, AccessOutcome.Forbidden }, // another village
        { PlatformRoles.OrganisationSecretary, null, null, true, AccessOutcome.Forbidden },    // no organisation claim
        { PlatformRoles.Member, null, null, true, AccessOutcome.Forbidden },
        { PlatformRoles.Auditor, null, null, true, AccessOutcome.Allowed },
        { PlatformRoles.Auditor, null, null, false, AccessOutcome.Forbidden },                 // auditors never write
        { PlatformRoles.ExternalSystem, null, null, true, AccessOutcome.Forbidden },
    };

    [Theory]
    [MemberData(nameof(OrganisationData))]
    public void Organisation_data_is_for_the_town_the_secretaries_above_it_and_auditors_reading(
        string role, Guid? org, Guid? member, bool isRead, AccessOutcome expected)
    {
        var rule = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree);
        Assert.Equal(expected, AccessDecision.Decide(rule, As(role, org, member), isRead, GaobianMember));
    }

    [Fact]
    public void A_member_reaches_their_own_record_and_no_one_elses()
    {
        var rule = AccessRule.Of(Grant.Town, Grant.SecretaryOfSubtree, Grant.Self);
        Assert.Equal(AccessOutcome.Allowed, AccessDecision.Decide(rule, As(PlatformRoles.Member, member: Me), true, GaobianMember));
        Assert.Equal(AccessOutcome.Forbidden, AccessDecision.Decide(rule, As(PlatformRoles.Member, member: Guid.NewGuid()), true, GaobianMember));
        Assert.Equal(AccessOutcome.Forbidden, AccessDecision.Decide(rule, As(PlatformRoles.Member, member: Me), true, null));
    }

    [Fact]
    public void Anonymous_callers_reach_public_endpoints_only()
    {
        Assert.Equal(AccessOutcome.Allowed, AccessDecision.Decide(AccessRule.Of(Grant.Public), Caller.Anonymous, false, null));
        Assert.Equal(AccessOutcome.Unauthenticated, AccessDecision.Decide(AccessRule.Of(Grant.Town, Grant.MemberRead), Caller.Anonymous, true, null));
    }

    [Fact]
    public void A_service_identity_needs_the_exact_scope()
    {
        var rule = AccessRule.Of(Grant.Town).WithService(PlatformScopes.ContactsRead);
        var notification = new Caller(null, new HashSet<string>(), null, null, new HashSet<string> { PlatformScopes.ContactsRead }, "notification");
        var other = notification with { Scopes = new HashSet<string> { "lishui.other" } };
        Assert.Equal(AccessOutcome.Allowed, AccessDecision.Decide(rule, notification, true, null));
        Assert.Equal(AccessOutcome.Forbidden, AccessDecision.Decide(rule, other, true, null));
        Assert.Equal(AccessOutcome.Forbidden, AccessDecision.Decide(AccessRule.Of(Grant.Town), notification, true, null));
    }

    [Fact]
    public void External_systems_reach_only_what_grants_them()
    {
        var subscriptions = AccessRule.Of(Grant.Town, Grant.ExternalSystem);
        Assert.Equal(AccessOutcome.Allowed, AccessDecision.Decide(subscriptions, As(PlatformRoles.ExternalSystem), false, null));
        Assert.Equal(AccessOutcome.Forbidden, AccessDecision.Decide(AccessRule.Of(Grant.Town, Grant.MemberRead), As(PlatformRoles.ExternalSystem), true, null));
    }

    [Fact]
    public void A_rule_that_depends_on_the_resource_cannot_be_declared_without_a_way_to_find_it()
    {
        var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder().Build();
        var endpoint = Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/x", () => "x");
        Assert.Throws<ArgumentException>(() => endpoint.RequireAccess(AccessRule.Of(Grant.SecretaryOfSubtree)));
        Assert.Throws<ArgumentException>(() => endpoint.RequireAccess(AccessRule.Of(Grant.Self)));
    }
}
