namespace Lishui.PracticalProjects.Features.EchoWall;

/// <summary>回音壁: residents post, the village answers; moderators hide (never delete); a post can become a resident request.</summary>
public static class EchoWall
{
    public static IEndpointRouteBuilder MapEchoWall(this IEndpointRouteBuilder api) => api
        .MapWriteEchoPost()
        .MapPublicEchoWall()
        .MapListEchoPosts()
        .MapGetEchoPost()
        .MapAnswerEchoPost()
        .MapModerateEchoPost()
        .MapLinkEchoPost()
        .MapEchoPostToRequest();
}
