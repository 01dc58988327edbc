using System.Security.Claims;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Opinions;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace Lishui.PracticalProjects.Features.Opinions;

public sealed record SignatureImageResponse(Guid Id, Guid CollectionId, int Bytes, string Sha256, DateTimeOffset UploadedAt);

/// <summary>
/// Drawn signatures: the visiting member uploads the PNG the household drew (the body itself, image/png),
/// then records the position naming its id. Read back only by those who may read the collection, each read audited.
/// </summary>
public static class Signatures
{
    public static IEndpointRouteBuilder MapSignatures(this IEndpointRouteBuilder api)
    {
        api.MapPost("/opinion-collections/{id:guid}/signatures", UploadAsync).RequireAccess(PracticalProjectsAccess.VisitSubtree, PracticalProjectsAccess.VisitInRoute).WithName("UploadSignatureImage")
            .WithSummary("上传农户手写签名（PNG）/ Upload a household's drawn signature (PNG)")
            .WithDescription($"请求体为 PNG 图片本身（Content-Type: image/png），不超过 {SignatureImage.MaxBytes / 1024} KB。返回的 id 用于记录意见时的 signatureImageId。")
            // Documented rather than declared with Accepts, so a wrong content type is answered by this handler's problem, after the access check.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [SignatureImage.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    },
                };
                return Task.CompletedTask;
            })
            .Produces<SignatureImageResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
        api.MapGet("/opinion-collections/{id:guid}/signatures/{signatureId:guid}", GetAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.CollectionInRoute).WithName("GetSignatureImage")
            .WithSummary("查看农户手写签名 / A drawn signature, as uploaded")
            .WithDescription("返回 PNG 图片；每次查看记入审计。")
            .Produces(StatusCodes.Status200OK, contentType: SignatureImage.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<SignatureImageResponse>, IdempotentReplay, ProblemHttpResult>> UploadAsync(Guid id, HttpContext http, ProjectsDbContext db, TimeProvider time, ClaimsPrincipal user)
    {
        var ct = http.RequestAborted;
        if (!string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), SignatureImage.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestValidationException([new FieldError("Content-Type", "content-type.unsupported", "手写签名应以 PNG 图片上传（Content-Type: image/png）。",
                "Upload the drawn signature as a PNG image (Content-Type: image/png).")], StatusCodes.Status415UnsupportedMediaType);
        }

        if (await db.OpinionCollections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == new OpinionCollectionId(id), ct) is not { } collection)
        {
            return Problems.NotFound("征求意见", "opinion collection");
        }

        var content = await ReadAsync(http, ct);
        var sha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content));
        return await db.CreateOnceAsync(http, "opinion-collections.signatures", new { collection = id, sha }, _ =>
        {
            var now = time.GetUtcNow();
            var image = SignatureImage.Store(Guid.CreateVersion7(now), collection, content, Caller.From(user).Name, now);
            db.SignatureImages.Add(image);
            return Task.FromResult((new SignatureImageResponse(image.Id, id, content.Length, image.Sha256, image.UploadedAt),
                $"/opinion-collections/{id}/signatures/{image.Id}"));
        }, time);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(Guid id, Guid signatureId, HttpContext http, ProjectsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.SignatureImages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == signatureId && s.CollectionId == new OpinionCollectionId(id), ct) is not { } image)
        {
            return Problems.NotFound("签名图片", "signature image");
        }

        // A signature is personal data: who looked at it goes on the audit trail (reads are not audited on their own).
        var caller = Caller.From(http.User);
        db.Add(new AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            Actor = caller.Name,
            ActorRoles = [.. caller.Roles.Order(StringComparer.Ordinal)],
            ActorOrganisationId = caller.OrganisationId,
            Method = http.Request.Method,
            Route = "/opinion-collections/{id:guid}/signatures/{signatureId:guid}",
            Path = http.Request.Path.Value ?? "",
            RemoteAddress = http.Connection.RemoteIpAddress?.ToString(),
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
            EventIds = [],
            EventTypes = [],
        });
        await db.SaveChangesAsync(ct);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(image.Content, SignatureImage.ContentType);
    }

    private static async Task<byte[]> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = SignatureImage.MaxBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > SignatureImage.MaxBytes)
            {
                throw new BadHttpRequestException("The signature image is too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new RequestValidationException([new FieldError("file", "field.required", "请上传手写签名图片。", "Upload the drawn signature image.")]);
        }

        return buffer.ToArray();
    }
}
