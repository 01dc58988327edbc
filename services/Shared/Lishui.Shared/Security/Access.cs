namespace Lishui.Shared.Security;

/// <summary>One way a caller may be let through. An endpoint's <see cref="AccessRule"/> lists the grants that apply.</summary>
public enum Grant
{
    /// <summary>Anyone, without a token (published notices, public project pages, the echo wall).</summary>
    Public,

    /// <summary>Town administrators, anywhere.</summary>
    Town,

    /// <summary>Auditors, for reads only.</summary>
    AuditorRead,

    /// <summary>A secretary whose organisation is the resource's organisation or one of its ancestors.</summary>
    SecretaryOfSubtree,

    /// <summary>The member the resource belongs to.</summary>
    Self,

    /// <summary>Any member, reading (e.g. the town's organisation tree).</summary>
    MemberRead,

    /// <summary>Another government system (its own subscriptions).</summary>
    ExternalSystem,

    /// <summary>A service identity holding <see cref="AccessRule.ServiceScope"/>.</summary>
    Service,
}

/// <summary>What an endpoint allows. Declared once per endpoint, beside its route (<see cref="AccessEndpointExtensions.RequireAccess"/>), never in handlers.</summary>
public sealed record AccessRule(IReadOnlySet<Grant> Grants, string? ServiceScope = null)
{
    public static AccessRule Of(params Grant[] grants) => new(grants.ToHashSet());

    public AccessRule WithService(string scope) => this with { Grants = Grants.Append(Grant.Service).ToHashSet(), ServiceScope = scope };

    public bool IsPublic => Grants.Contains(Grant.Public);

    /// <summary>Whether the decision depends on which organisation or member the request is about.</summary>
    public bool NeedsScope => Grants.Contains(Grant.SecretaryOfSubtree) || Grants.Contains(Grant.Self);
}

/// <summary>
/// The organisation a request is about, with its ancestors (nearest first, the organisation itself
/// included), and the member when it is about one.
/// </summary>
public sealed record ResourceScope(IReadOnlyList<Guid> OrganisationAndAncestors, Guid? MemberId = null)
{
    public static readonly ResourceScope Town = new([]);
}

public enum AccessOutcome
{
    Allowed,

    /// <summary>No valid token: 401.</summary>
    Unauthenticated,

    /// <summary>A token, but not one this rule lets through: 403.</summary>
    Forbidden,
}

/// <summary>The single place a request is judged: pure, so every role × scope combination is testable.</summary>
public static class AccessDecision
{
    public static AccessOutcome Decide(AccessRule rule, Caller caller, bool isRead, ResourceScope? scope)
    {
        if (rule.Grants.Contains(Grant.Public))
        {
            return AccessOutcome.Allowed;
        }

        if (!caller.IsAuthenticated)
        {
            return AccessOutcome.Unauthenticated;
        }

        return rule.Grants.Any(g => Lets(g, rule, caller, isRead, scope)) ? AccessOutcome.Allowed : AccessOutcome.Forbidden;
    }

    /// <summary>
    /// Whether some resource could let this caller through: the decision for grants that need no
    /// resource, and the role (with its organisation or member claim) for those that do. Used before the
    /// request is read, so a caller no resource could admit is refused without touching the body.
    /// </summary>
    public static AccessOutcome Possible(AccessRule rule, Caller caller, bool isRead)
    {
        var outcome = Decide(rule, caller, isRead, ResourceScope.Town);
        if (outcome != AccessOutcome.Forbidden)
        {
            return outcome;
        }

        var bySecretary = rule.Grants.Contains(Grant.SecretaryOfSubtree) && caller.IsInRole(PlatformRoles.OrganisationSecretary) && caller.OrganisationId is not null;
        var bySelf = rule.Grants.Contains(Grant.Self) && caller.IsInRole(PlatformRoles.Member) && caller.MemberId is not null;
        return bySecretary || bySelf ? AccessOutcome.Allowed : AccessOutcome.Forbidden;
    }

    private static bool Lets(Grant grant, AccessRule rule, Caller caller, bool isRead, ResourceScope? scope) => grant switch
    {
        Grant.Town => caller.IsInRole(PlatformRoles.TownAdministrator),
        Grant.AuditorRead => isRead && caller.IsInRole(PlatformRoles.Auditor),
        Grant.SecretaryOfSubtree => caller.IsInRole(PlatformRoles.OrganisationSecretary)
            && caller.OrganisationId is { } own && scope is not null && scope.OrganisationAndAncestors.Contains(own),
        Grant.Self => caller.IsInRole(PlatformRoles.Member)
            && caller.MemberId is { } me && scope?.MemberId == me,
        Grant.MemberRead => isRead && caller.IsInRole(PlatformRoles.Member),
        Grant.ExternalSystem => caller.IsInRole(PlatformRoles.ExternalSystem),
        Grant.Service => rule.ServiceScope is { } needed && caller.Scopes.Contains(needed),
        _ => false,
    };
}
