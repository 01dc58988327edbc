using Lishui.Contracts.Membership;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

/// <summary>
/// The consumers that keep a service's copy of the roll and the organisation tree current. Their
/// queues are named after the events (<c>{prefix}-member-status-changed</c>, …): a service had its own
/// consumers under those names before the projections were shared, and the queues stayed.
/// </summary>
public static class LocalViewConsumers
{
    /// <summary>Status changes, transfers and name corrections (a service's own MemberRegistered consumer adds members).</summary>
    public static IBusRegistrationConfigurator AddLocalMemberView<TDbContext>(this IBusRegistrationConfigurator bus)
        where TDbContext : DbContext
    {
        bus.AddEventConsumer<MemberStatusChangedProjection<TDbContext>, MemberStatusChanged>();
        bus.AddEventConsumer<MemberTransferredProjection<TDbContext>, MemberTransferred>();
        bus.AddEventConsumer<MemberDetailsChangedProjection<TDbContext>, MemberDetailsChanged>();
        return bus;
    }

    public static IBusRegistrationConfigurator AddLocalOrganisationView<TDbContext>(this IBusRegistrationConfigurator bus)
        where TDbContext : DbContext
    {
        bus.AddEventConsumer<OrganisationCreatedProjection<TDbContext>, OrganisationCreated>();
        bus.AddEventConsumer<OrganisationRenamedProjection<TDbContext>, OrganisationRenamed>();
        bus.AddEventConsumer<OrganisationMovedProjection<TDbContext>, OrganisationMoved>();
        bus.AddEventConsumer<OrganisationClosedProjection<TDbContext>, OrganisationClosed>();
        return bus;
    }

    /// <summary>Household registrations and changes (head, size): the households a service scores or asks.</summary>
    public static IBusRegistrationConfigurator AddLocalHouseholdView<TDbContext>(this IBusRegistrationConfigurator bus)
        where TDbContext : DbContext
    {
        bus.AddEventConsumer<HouseholdRegisteredProjection<TDbContext>, HouseholdRegistered>();
        bus.AddEventConsumer<HouseholdChangedProjection<TDbContext>, HouseholdChanged>();
        return bus;
    }
}
