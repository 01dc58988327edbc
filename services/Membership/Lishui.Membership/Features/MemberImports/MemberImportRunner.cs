using System.Text;
using System.Text.Json;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.MemberImports;
using Lishui.Membership.Protection;
using Lishui.Membership.Web;
using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.MemberImports;

/// <summary>
/// Runs one claimed import: validates every row (progress is committed as it goes, on a connection
/// of its own), then registers the accepted rows with their MemberRegistered events in one transaction,
/// in batches. All-or-nothing mode imports nothing when any row is invalid.
/// </summary>
public sealed partial class MemberImportRunner(
    MembershipDbContext db, IServiceScopeFactory scopes, PersonalDataProtector protector, TimeProvider time,
    ILogger<MemberImportRunner> log)
{
    public const int BatchSize = 500;
    public const string PayloadField = "csv";

    public static readonly JsonSerializerOptions ErrorJson = new(JsonSerializerDefaults.Web);

    public async Task RunAsync(Guid importId, CancellationToken ct)
    {
        var import = await db.MemberImports.AsNoTracking().FirstAsync(i => i.Id == importId, ct);
        if (import.PayloadCipher is null)
        {
            return;
        }

        var text = Encoding.UTF8.GetString(protector.OpenBytes(import.PayloadCipher, import.Id, PayloadField));
        var records = RollCsv.Parse(text);
        var header = records[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var columns = RollCsv.Headers.ToDictionary(h => h, h => header.IndexOf(h));
        var today = time.Today();
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var within = import.OrganisationId is { } root ? (await OrganisationSubtree.IdsAsync(db, root, ct)).ToHashSet() : null;
        var validator = new ImportRowValidator(columns, organisations, protector.Hash, today, within);
        var rows = records.Skip(1).ToList();
        LogStarted(import.Id, rows.Count, import.Mode);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // 1. Validate every row.
        var errors = new List<ImportRowError>();
        var accepted = new List<ImportedMember>();
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, fields) = rows[i];
            if (validator.Check(row, fields, errors) is { } member)
            {
                if (seen.TryGetValue(Convert.ToHexString(member.IdNumberHash), out var first))
                {
                    errors.Add(new ImportRowError(row, RollCsv.IdNumber, "member.id-number-duplicate",
                        $"身份证号与第 {first} 行重复。", $"The ID number repeats row {first}."));
                }
                else
                {
                    seen[Convert.ToHexString(member.IdNumberHash)] = row;
                    accepted.Add(member);
                }
            }

            if ((i + 1) % BatchSize == 0)
            {
                await ReportAsync(import.Id, i + 1, 0, ct);
            }
        }

        accepted = await DropThoseOnTheRollAsync(accepted, errors, ct);
        await ReportAsync(import.Id, rows.Count, 0, ct);
        var validated = clock.Elapsed;
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        if (errors.Count > 0 && import.Mode == MemberImportMode.AllOrNothing)
        {
            await FinishAsync(import.Id, MemberImportStatus.Failed, 0, errors, ct);
            LogFinished(import.Id, MemberImportStatus.Failed, 0, errors.Count, validated.TotalMilliseconds, 0);
            return;
        }

        // 2. Register the accepted rows: members and outbox rows in batches, one transaction.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var imported = 0;
        try
        {
            foreach (var batch in accepted.Chunk(BatchSize))
            {
                var now = time.GetUtcNow();
                foreach (var row in batch)
                {
                    var member = Member.Register(new MemberId(Guid.CreateVersion7(now)), row.Name, row.Gender, row.BirthDate, row.JoinedOn,
                        row.FullMemberOn, row.OrganisationId, now);
                    member.ProtectPersonalData(row.Details, protector);
                    db.Members.Add(member);
                }

                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                imported += batch.Length;
                await ReportAsync(import.Id, rows.Count, imported, ct);
            }

            await SetFinishedAsync(db, import.Id, MemberImportStatus.Completed, imported, errors, time.GetUtcNow(), ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (PersonalDataProblems.IsDuplicateIdNumber(e))
        {
            // Someone registered one of these people while the import ran: nothing of it is kept.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            errors.Add(new ImportRowError(0, RollCsv.IdNumber, "member.id-number-duplicate",
                "导入期间有身份证号相同的党员被登记，本次导入未写入任何数据，请重新导入。",
                "A member with one of these ID numbers was registered meanwhile; nothing was imported, import again."));
            await FinishAsync(import.Id, MemberImportStatus.Failed, 0, errors, ct);
            LogFinished(import.Id, MemberImportStatus.Failed, 0, errors.Count, validated.TotalMilliseconds, (clock.Elapsed - validated).TotalMilliseconds);
            return;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        LogFinished(import.Id, MemberImportStatus.Completed, imported, errors.Count, validated.TotalMilliseconds, (clock.Elapsed - validated).TotalMilliseconds);
    }

    /// <summary>Rows whose ID number is already on the roll become errors (looked up by keyed hash, a chunk at a time).</summary>
    private async Task<List<ImportedMember>> DropThoseOnTheRollAsync(List<ImportedMember> accepted, List<ImportRowError> errors, CancellationToken ct)
    {
        var onRoll = new HashSet<string>();
        foreach (var chunk in accepted.Chunk(1000))
        {
            var hashes = chunk.Select(m => m.IdNumberHash).ToList();
            var found = await db.Members.AsNoTracking().Where(m => m.IdNumberHash != null && hashes.Contains(m.IdNumberHash)).Select(m => m.IdNumberHash!).ToListAsync(ct);
            onRoll.UnionWith(found.Select(Convert.ToHexString));
        }

        var kept = new List<ImportedMember>();
        foreach (var member in accepted)
        {
            if (onRoll.Contains(Convert.ToHexString(member.IdNumberHash)))
            {
                errors.Add(new ImportRowError(member.Row, RollCsv.IdNumber, "member.id-number-duplicate", "该身份证号已在党员名册中登记。",
                    "This ID card number is already on the roll."));
            }
            else
            {
                kept.Add(member);
            }
        }

        return kept;
    }

    /// <summary>Progress, committed at once on its own connection so a reader sees it while the import's transaction is open.</summary>
    private async Task ReportAsync(Guid id, int processed, int imported, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var progress = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var now = time.GetUtcNow();
        await progress.MemberImports.Where(i => i.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RowsProcessed, processed).SetProperty(i => i.Imported, imported).SetProperty(i => i.HeartbeatAt, now), ct);
    }

    private async Task FinishAsync(Guid id, MemberImportStatus status, int imported, List<ImportRowError> errors, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SetFinishedAsync(scope.ServiceProvider.GetRequiredService<MembershipDbContext>(), id, status, imported, errors, time.GetUtcNow(), ct);
    }

    /// <summary>The outcome; the sealed file is dropped with it.</summary>
    public static Task SetFinishedAsync(
        MembershipDbContext context, Guid id, MemberImportStatus status, int imported, List<ImportRowError> errors, DateTimeOffset now, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(errors.Take(MemberImport.MaxStoredErrors), ErrorJson);
        return context.MemberImports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, status)
            .SetProperty(i => i.Imported, imported)
            .SetProperty(i => i.ErrorCount, errors.Count)
            .SetProperty(i => i.Errors, json)
            .SetProperty(i => i.PayloadCipher, (byte[]?)null)
            .SetProperty(i => i.FinishedAt, now)
            .SetProperty(i => i.HeartbeatAt, now), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member import {ImportId}: {Rows} rows, mode {Mode}")]
    private partial void LogStarted(Guid importId, int rows, MemberImportMode mode);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Member import {ImportId} {Status}: {Imported} imported, {Errors} row errors; validated in {ValidateMs:F0} ms, written in {WriteMs:F0} ms")]
    private partial void LogFinished(Guid importId, MemberImportStatus status, int imported, int errors, double validateMs, double writeMs);
}
