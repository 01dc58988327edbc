using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lishui.Shared.Data;

/// <summary>
/// Sends every <see cref="DateTimeOffset"/> parameter as UTC. Npgsql refuses any other offset for
/// <c>timestamp with time zone</c> (it throws instead of converting), yet a client in China rightly sends
/// <c>2025-03-04T10:00:00+08:00</c>: the same instant, so converting it loses nothing.
/// </summary>
public sealed class UtcTimestamps : DbCommandInterceptor
{
    public static readonly UtcTimestamps Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        ToUtc(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ToUtc(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        ToUtc(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ToUtc(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        ToUtc(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        ToUtc(command);
        return ValueTask.FromResult(result);
    }

    private static void ToUtc(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is DateTimeOffset { Offset.Ticks: not 0 } value)
            {
                parameter.Value = value.ToUniversalTime();
            }
        }
    }
}
