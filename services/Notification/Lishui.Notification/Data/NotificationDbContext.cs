using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : PlatformDbContext(options)
{
    public const string ConnectionName = "notificationdb";

    public DbSet<Domain.Notification> Notifications => Set<Domain.Notification>();

    public DbSet<MessageTemplate> Templates => Set<MessageTemplate>();

    public DbSet<RecipientPreference> Preferences => Set<RecipientPreference>();

    public DbSet<Dispatch> Dispatches => Set<Dispatch>();

    public DbSet<ChannelDelivery> ChannelDeliveries => Set<ChannelDelivery>();

    public DbSet<DeliveryLogEntry> DeliveryLog => Set<DeliveryLogEntry>();

    public DbSet<LocalRole> Roles => Set<LocalRole>();

    public DbSet<LocalOrganisation> Organisations => Set<LocalOrganisation>();
}

internal sealed class NotificationDbContextDesignFactory : DesignTimeFactory<NotificationDbContext>;
