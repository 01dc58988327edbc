using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lishui.Shared.Web;

/// <summary>
/// The OpenAPI generator cannot see into <see cref="BindAsync"/>: without this, an endpoint that reads
/// its body through <see cref="ValidatedBody{T}"/> documents no request body at all. Every such
/// endpoint now says it accepts <typeparamref name="T"/> as JSON and may answer with a field-by-field 400.
/// </summary>
public sealed partial record ValidatedBody<T> : IEndpointParameterMetadataProvider
{
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T), isOptional: false));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
    }
}
