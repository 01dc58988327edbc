using Lishui.Shared.Security;

namespace Lishui.Notification.Security;

/// <summary>
/// The rules Notification's endpoints (the public-events module's included) declare beside their
/// routes. Inboxes and preferences belong to one member (Self) and lie in that member's organisation
/// (secretaries of its subtree); templates, the delivery log and the dispatches are the town's (auditors
/// read). The public-event catalogue is open to anyone; another government system reaches its own
/// subscription only (the ownership check is <see cref="SubscriberOwnership"/>, since a grant alone cannot
/// say which subscriber is "its own").
/// </summary>
public static class NotificationAccess
{
    public static readonly AccessRule TownAndAuditors = AccessRule.Of(Grant.Town, Grant.AuditorRead);
    public static readonly AccessRule TownOnly = AccessRule.Of(Grant.Town);
    public static readonly AccessRule MemberOwned = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self);
    public static readonly AccessRule AnyoneAnonymous = AccessRule.Of(Grant.Public);
    public static readonly AccessRule ReadSubtree = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree);

    /// <summary>About one subscriber: the town, auditors reading, and the subscribing system itself.</summary>
    public static readonly AccessRule OwnSubscription = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.ExternalSystem);

    public static readonly ScopeRef RouteMember = ScopeRef.Route("memberId", NotificationScopes.Member);
    public static readonly ScopeRef OrganisationInQuery = ScopeRef.Query("organisationId", NotificationScopes.Organisation);
}
