using System.Text;
using System.Text.Json;
using Lishui.Membership.Data;
using Lishui.Membership.Domain.MemberImports;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Protection;
using Lishui.Membership.Security;
using Lishui.Membership.Web;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Npgsql;

namespace Lishui.Membership.Features.MemberImports;

public sealed record MemberImportResponse(
    Guid Id, MemberImportStatus Status, MemberImportMode Mode, string Encoding, int RowsTotal, int RowsProcessed, int Imported, int ErrorCount,
    IReadOnlyList<ImportRowError> Errors, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, Guid? OrganisationId)
{
    public static MemberImportResponse Of(MemberImport i) =>
        new(i.Id, i.Status, i.Mode, i.Encoding, i.RowsTotal, i.RowsProcessed, i.Imported, i.ErrorCount,
            JsonSerializer.Deserialize<List<ImportRowError>>(i.Errors, MemberImportRunner.ErrorJson) ?? [], i.CreatedAt, i.StartedAt, i.FinishedAt,
            i.OrganisationId);
}

/// <summary>
/// POST /member-imports: a roll as CSV (text/csv body, or multipart with one file) → 202 and the import's
/// address; it runs in the background. GET /member-imports/{id}: status, progress and row errors.
/// </summary>
public static class MemberImports
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxRows = 100_000;
    private const string Scope = "member-imports";

    public static IEndpointRouteBuilder MapMemberImports(this IEndpointRouteBuilder api)
    {
        // A roll import goes into one organisation (its rows must lie below it); town-wide imports are the town's.
        api.MapPost("/member-imports", ImportAsync).RequireAccess(MembershipAccess.ChangeSubtree, MembershipAccess.OrganisationInQuery)
            .WithName("ImportMembers")
            .WithSummary("从 CSV 导入党员名册（后台执行） / Import a roll from CSV (runs in the background)")
            // Documented rather than declared with Accepts: an Accepts content-type filter would answer another
            // content type with 415 from routing, outside the access policy (a secretary would get 403 for a wrong content type).
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["multipart/form-data"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                            },
                        },
                    },
                };
                return Task.CompletedTask;
            })
            .Produces<MemberImportResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery();
        api.MapGet("/member-imports/{id:guid}", GetAsync).RequireAccess(MembershipAccess.ReadSubtree, ScopeRef.Route("id", MembershipScopes.Import)).WithName("GetMemberImport").WithSummary("导入进度与错误 / An import's progress and row errors");
        api.MapGet("/member-imports", ListAsync).RequireAccess(MembershipAccess.ReadSubtree, MembershipAccess.OrganisationInQuery).WithName("ListMemberImports").WithSummary("导入记录 / Imports, newest first");
        return api;
    }

    /// <param name="mode">all (default: any invalid row and nothing is imported) or partial (the valid rows are imported).</param>
    /// <param name="organisationId">The organisation the roll goes into: rows must name it or one below it (a secretary must give
    /// one of their subtree; without it the import is town-wide, for town administrators).</param>
    private static async Task<Results<Accepted<MemberImportResponse>, IdempotentReplay, ProblemHttpResult>> ImportAsync(
        string? mode, Guid? organisationId, HttpContext http, MembershipDbContext db, PersonalDataProtector protector, MemberImportSignal signal, TimeProvider time,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        MemberImportMode importMode;
        switch (mode?.Trim().ToLowerInvariant())
        {
            case null or "" or "all" or "allornothing":
                importMode = MemberImportMode.AllOrNothing;
                break;
            case "partial":
                importMode = MemberImportMode.Partial;
                break;
            default:
                throw new RequestValidationException([new FieldError("mode", "field.wrong-value", "mode 应为 all 或 partial。", "mode must be all or partial.")]);
        }

        if (organisationId is { } into && !await db.Organisations.AnyAsync(o => o.Id == new OrganisationId(into) && o.ClosedAt == null, ct))
        {
            throw new RequestValidationException([new FieldError("organisationId", "organisation.unknown-or-closed", "所属党组织不存在或已撤销。",
                "The organisation does not exist or is closed.")]);
        }

        var bytes = await ReadFileAsync(http, ct);
        var (text, encoding) = RollCsv.Decode(bytes);
        var records = RollCsv.Parse(text);
        if (records.Count == 0)
        {
            throw new RequestValidationException([new FieldError("file", "import.empty", "文件为空。", "The file is empty.")]);
        }

        var (missing, unknown, repeated) = RollCsv.CheckHeaders(records[0].Fields);
        if (missing.Count + unknown.Count + repeated.Count > 0)
        {
            var errors = missing.Select(h => new FieldError("header", "import.header-missing", $"缺少列“{h}”。", $"Column {h} is missing."))
                .Concat(unknown.Select(h => new FieldError("header", "import.header-unknown", $"无法识别的列“{h}”。", $"Unknown column {h}.")))
                .Concat(repeated.Select(h => new FieldError("header", "import.header-repeated", $"列“{h}”重复。", $"Column {h} appears twice.")))
                .ToList();
            var problem = Problems.Validation(errors);
            problem.Type = "urn:lishui:problem:import.headers";
            problem.Extensions["code"] = "import.headers";
            problem.Extensions["missingHeaders"] = missing;
            problem.Extensions["unknownHeaders"] = unknown;
            problem.Extensions["repeatedHeaders"] = repeated;
            problem.Extensions["expectedHeaders"] = RollCsv.Headers;
            problem.Detail = $"表头应为：{string.Join(",", RollCsv.Headers)}";
            return Problems.Result(problem);
        }

        var rows = records.Count - 1;
        if (rows == 0 || rows > MaxRows)
        {
            throw new RequestValidationException([new FieldError("file", "import.row-count", $"文件应包含 1 至 {MaxRows} 行党员数据。",
                $"The file must hold between 1 and {MaxRows} members.")]);
        }

        // A keyed fingerprint: a retry is recognised without storing anything that could be tested against guesses.
        var fingerprint = Convert.ToHexString(protector.Hash([.. Encoding.UTF8.GetBytes(importMode + "\n" + (organisationId is { } o ? o + "\n" : "")), .. bytes]));
        var key = http.Request.Headers[Idempotency.HeaderName].ToString();
        if (key.Length > 200)
        {
            throw new RequestValidationException([new FieldError(Idempotency.HeaderName, "idempotency-key.too-long", "Idempotency-Key 不能超过 200 个字符。",
                "Idempotency-Key must be at most 200 characters.")]);
        }

        if (key.Length > 0 && await ReplayAsync(db, key, fingerprint, ct) is { } replayed)
        {
            return replayed;
        }

        var now = time.GetUtcNow();
        var import = new MemberImport
        {
            Id = Guid.CreateVersion7(now),
            Mode = importMode,
            Status = MemberImportStatus.Queued,
            Encoding = encoding,
            RowsTotal = rows,
            CreatedAt = now,
            RequestedBy = Caller.From(http.User).Name is { Length: <= 100 } who ? who : null,
            OrganisationId = organisationId,
        };
        import.PayloadCipher = protector.Seal(Encoding.UTF8.GetBytes(text), import.Id, MemberImportRunner.PayloadField);
        db.MemberImports.Add(import);
        var location = $"/member-imports/{import.Id}";
        var response = MemberImportResponse.Of(import);
        if (key.Length > 0)
        {
            db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
            {
                Scope = Scope,
                Key = key,
                RequestHash = fingerprint,
                StatusCode = StatusCodes.Status202Accepted,
                Location = location,
                ResponseBody = JsonSerializer.Serialize(response, json.Value.SerializerOptions),
                CreatedAt = now,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (key.Length > 0 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent retry with the same key won: answer as it did.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(db, key, fingerprint, ct) is { } winner)
            {
                return winner;
            }

            throw;
        }

        signal.Queued();
        return TypedResults.Accepted(location, response);
    }

    private static async Task<Results<Accepted<MemberImportResponse>, IdempotentReplay, ProblemHttpResult>?> ReplayAsync(MembershipDbContext db, string key, string fingerprint, CancellationToken ct)
    {
        if (await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Scope == Scope && r.Key == key, ct) is not { } earlier)
        {
            return null;
        }

        if (earlier.RequestHash != fingerprint)
        {
            return Problems.Result(Problems.Create(StatusCodes.Status422UnprocessableEntity, "idempotency-key.reused",
                "该 Idempotency-Key 已用于另一个不同的请求。", "This Idempotency-Key was already used for a different request."));
        }

        return new IdempotentReplay(earlier);
    }

    /// <summary>The whole file, from a text/csv body or the first file of a multipart form, up to <see cref="MaxFileBytes"/>.</summary>
    private static async Task<byte[]> ReadFileAsync(HttpContext http, CancellationToken ct)
    {
        // A roll of thousands of members is larger than the platform's default request limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFileBytes;
        }

        Stream source;
        if (http.Request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or IOException && !ct.IsCancellationRequested)
            {
                // The form reader's word for a form cut short, without its boundary or with a broken part header.
                throw new RequestValidationException([new FieldError("file", "form.malformed", "表单格式有误，无法读取上传的文件。",
                    "The form is malformed; the uploaded file cannot be read.")]);
            }

            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new RequestValidationException([new FieldError("file", "field.required", "请上传 CSV 文件（表单字段 file）。",
                    "Upload the CSV file (form field file).")]);
            source = file.OpenReadStream();
        }
        else
        {
            source = http.Request.Body;
        }

        await using (source)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxFileBytes)
                {
                    throw new BadHttpRequestException("The file is too large.", StatusCodes.Status413PayloadTooLarge);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static async Task<Results<Ok<MemberImportResponse>, ProblemHttpResult>> GetAsync(Guid id, MembershipDbContext db, CancellationToken ct) =>
        await db.MemberImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } import
            ? TypedResults.Ok(MemberImportResponse.Of(import))
            : Problems.NotFound("导入记录", "import");

    /// <param name="organisationId">Only imports into this organisation or one below it (a secretary must give one of their subtree).</param>
    private static async Task<Page<MemberImportResponse>> ListAsync(MembershipDbContext db, Guid? organisationId, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.MemberImports.AsNoTracking();
        if (organisationId is { } root)
        {
            var subtree = await OrganisationSubtree.IdsAsync(db, root, ct);
            query = query.Where(i => i.OrganisationId != null && subtree.Contains(i.OrganisationId.Value));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<MemberImportResponse>(items.Select(MemberImportResponse.Of).ToList(), number, size, total);
    }
}
