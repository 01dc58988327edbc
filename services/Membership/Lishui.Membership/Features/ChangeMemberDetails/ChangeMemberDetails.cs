using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Protection;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Membership.Features.ChangeMemberDetails;

/// <summary>
/// The member's correctable details. A null phone or e-mail removes it; the ID number, once on record,
/// can be corrected but not removed. <paramref name="ChangedBy"/> names who changed them until
/// authentication tells us.
/// </summary>
public sealed record ChangeMemberDetailsRequest(
    string Name, Gender Gender, DateOnly BirthDate, string? IdNumber, string? Phone, string? Email, string ChangedBy, long? ExpectedVersion)
    : IValidatableRequest
{
    public PersonalDetails ToDetails() => PersonalDetails.Normalised(IdNumber, Phone, Email);

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(ChangedBy) || ChangedBy.Trim().Length > MemberStatusChange.MaxDecidedByLength)
        {
            yield return new FieldError("changedBy", "field.text-invalid", $"修改人不能为空，且不超过 {MemberStatusChange.MaxDecidedByLength} 个字符。",
                $"changedBy must be given and at most {MemberStatusChange.MaxDecidedByLength} characters.");
        }

        foreach (var error in PersonalDataProblems.Check(ToDetails(), BirthDate, idNumberRequired: false))
        {
            yield return error;
        }
    }
}

/// <summary>
/// PUT /members/{id} (all details) and PATCH /members/{id} (JSON merge patch: only the fields sent):
/// correct a member's details; MemberDetailsChanged names the changed fields.
/// </summary>
public static class ChangeMemberDetails
{
    public static IEndpointRouteBuilder MapChangeMemberDetails(this IEndpointRouteBuilder api)
    {
        api.MapPut("/members/{id:guid}", PutAsync).RequireAccess(MembershipAccess.ChangeSubtree, MembershipAccess.MemberInRoute)
            .WithName("ReplaceMemberDetails")
            .WithSummary("修改党员信息 / Correct a member's details")
            .Accepts<ChangeMemberDetailsRequest>("application/json")
            .Produces<MemberResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPatch("/members/{id:guid}", PatchAsync).RequireAccess(MembershipAccess.ChangeSubtree, MembershipAccess.MemberInRoute)
            .WithName("PatchMemberDetails")
            .WithSummary("修改部分党员信息 / Correct some of a member's details (merge patch)")
            .Accepts<ChangeMemberDetailsRequest>("application/merge-patch+json", "application/json")
            .Produces<MemberResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> PutAsync(
        Guid id, ValidatedBody<ChangeMemberDetailsRequest> body, MembershipDbContext db, MemberResponses responses, PersonalDataProtector protector,
        TimeProvider time, CancellationToken ct)
    {
        if (await db.Members.FirstOrDefaultAsync(m => m.Id == new MemberId(id), ct) is not { } member)
        {
            return Problems.NotFound("党员", "member");
        }

        return await ApplyAsync(member, body.Value, db, responses, protector, time, ct);
    }

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> PatchAsync(
        Guid id, HttpContext http, MembershipDbContext db, MemberResponses responses, PersonalDataProtector protector, TimeProvider time,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (await db.Members.FirstOrDefaultAsync(m => m.Id == new MemberId(id), ct) is not { } member)
        {
            return Problems.NotFound("党员", "member");
        }

        JsonNode? patch;
        try
        {
            patch = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw new RequestValidationException([new FieldError("$", "json.malformed", "请求体不是有效的 JSON。", "The body is not valid JSON.")]);
        }

        if (patch is not JsonObject changes)
        {
            throw new RequestValidationException([new FieldError("$", "json.object-expected", "请求体应为 JSON 对象。", "The body must be a JSON object.")]);
        }

        // Merge the patch over the current details, then bind and validate it like a PUT.
        var current = member.OpenPersonalData(protector);
        var merged = new JsonObject
        {
            ["name"] = member.Name,
            ["gender"] = member.Gender.ToString(),
            ["birthDate"] = member.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["idNumber"] = current.IdNumber,
            ["phone"] = current.Phone,
            ["email"] = current.Email,
        };
        foreach (var (name, value) in changes)
        {
            var key = merged.Select(kv => kv.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            merged[key] = value?.DeepClone();
        }

        http.Request.Body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(merged, json.Value.SerializerOptions));
        var body = await ValidatedBody<ChangeMemberDetailsRequest>.BindAsync(http, null!);
        return await ApplyAsync(member, body!.Value, db, responses, protector, time, ct);
    }

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> ApplyAsync(
        Member member, ChangeMemberDetailsRequest request, MembershipDbContext db, MemberResponses responses, PersonalDataProtector protector,
        TimeProvider time, CancellationToken ct)
    {
        VersionCheck.EnsureVersion(request.ExpectedVersion, member.Version);
        var now = time.GetUtcNow();
        var changed = member.ChangeDetails(request.Name, request.Gender, request.BirthDate, request.ToDetails(), protector, now);
        if (changed.Count > 0)
        {
            if (changed.Contains(PersonalDetails.IdNumberField)
                && await db.Members.AnyAsync(m => m.IdNumberHash == member.IdNumberHash && m.Id != member.Id, ct))
            {
                return Problems.Result(PersonalDataProblems.DuplicateIdNumber());
            }

            db.MemberDetailsChanges.Add(new MemberDetailsChange(Guid.CreateVersion7(now), member.Id, [.. changed], request.ChangedBy.Trim(), now));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (PersonalDataProblems.IsDuplicateIdNumber(e))
            {
                return Problems.Result(PersonalDataProblems.DuplicateIdNumber());
            }
        }

        return TypedResults.Ok((await responses.OfAsync(db, [member], ct))[0]);
    }
}
