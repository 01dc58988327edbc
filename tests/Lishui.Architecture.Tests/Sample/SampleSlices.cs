using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Architecture.Tests.Sample.Features.First
{
    /// <summary>A use case another slice (wrongly) calls.</summary>
    public static class FirstUseCase
    {
        public static MemberRegistered Registered(Guid id) => new() { MemberId = id, Name = "样例", Status = MemberStatus.Full, JoinedOn = new DateOnly(2020, 7, 1) };
    }
}

namespace Lishui.Architecture.Tests.Sample.Features.Second
{
    /// <summary>Breaks both slice rules on purpose, for the test that shows the rules can fail.</summary>
    public static class SecondUseCase
    {
        public static void Handle(DbContext db, Guid id) => db.AddToOutbox(First.FirstUseCase.Registered(id));
    }
}

namespace Lishui.Architecture.Tests.Sample.Messaging
{
    /// <summary>Breaks the layer rule on purpose: a consumer using a slice's type.</summary>
    public static class SampleConsumer
    {
        public static MemberRegistered Consume(Guid id) => Features.First.FirstUseCase.Registered(id);
    }
}

namespace Lishui.Architecture.Tests.Sample.Web
{
    /// <summary>Breaks the layer rule on purpose: shared web code using a slice's type.</summary>
    public static class SampleResponse
    {
        public static MemberRegistered Of(Guid id) => Features.First.FirstUseCase.Registered(id);
    }
}
