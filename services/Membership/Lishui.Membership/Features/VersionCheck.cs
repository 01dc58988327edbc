using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features;

public static class VersionCheck
{
    /// <summary>
    /// A client that read version N and sends <c>expectedVersion: N</c> changes nothing if someone
    /// changed the aggregate since; answered as 409 like a concurrent write caught at SaveChanges.
    /// </summary>
    public static void EnsureVersion(long? expected, long actual)
    {
        if (expected is { } v && v != actual)
        {
            throw new DbUpdateConcurrencyException($"Expected version {v}, found {actual}.");
        }
    }
}
