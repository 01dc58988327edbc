using Lishui.Pairing.Domain;
using Lishui.Shared.Web;

namespace Lishui.Pairing.Features.ServicePositions;

public sealed record ServicePositionRequest(Guid OrganisationId, string Name, ServicePositionKind Kind, string Address, string? Description) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > ServicePosition.MaxNameLength)
        {
            yield return new FieldError("name", "service-position.name-invalid", $"阵地名称不能为空，且不超过 {ServicePosition.MaxNameLength} 个字符。", $"The name must be given and at most {ServicePosition.MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(Address) || Address.Trim().Length > ServicePosition.MaxAddressLength)
        {
            yield return new FieldError("address", "service-position.address-invalid", $"地址不能为空，且不超过 {ServicePosition.MaxAddressLength} 个字符。", $"The address must be given and at most {ServicePosition.MaxAddressLength} characters.");
        }

        if (Description is { Length: > ServicePosition.MaxDescriptionLength })
        {
            yield return new FieldError("description", "field.too-long", $"此字段不能超过 {ServicePosition.MaxDescriptionLength} 个字符。", $"This field must be at most {ServicePosition.MaxDescriptionLength} characters.");
        }
    }
}

public sealed record ServicePositionResponse(
    Guid Id,
    Guid OrganisationId,
    string? OrganisationName,
    string Name,
    ServicePositionKind Kind,
    string KindName,
    string Address,
    string? Description,
    bool Removed)
{
    public static ServicePositionResponse From(ServicePosition p, string? organisationName) =>
        new(p.Id, p.OrganisationId, organisationName, p.Name, p.Kind, ServicePosition.KindName(p.Kind), p.Address, p.Description, p.IsRemoved);
}
