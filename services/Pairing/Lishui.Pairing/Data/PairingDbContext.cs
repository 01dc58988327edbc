using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Data;

public sealed class PairingDbContext(DbContextOptions<PairingDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "pairingdb";

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddLocalMemberView();
    }
}
