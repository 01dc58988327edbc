using System.Reflection;
using NetArchTest.Rules;

namespace Lishui.Architecture.Tests;

/// <summary>Domain rules stay plain C#; services talk only through contracts.</summary>
[Trait("Category", "Unit")]
public sealed class ArchitectureTests
{
    private static readonly string[] Frameworks = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MassTransit", "Npgsql", "RabbitMQ"];

    private static readonly Assembly[] Services =
    [
        typeof(Lishui.Membership.MembershipModule).Assembly,
        typeof(Lishui.Assessment.AssessmentModule).Assembly,
        typeof(Lishui.Pairing.PairingModule).Assembly,
        typeof(Lishui.PracticalProjects.PracticalProjectsModule).Assembly,
        typeof(Lishui.Notification.NotificationModule).Assembly,
    ];

    public static TheoryData<string> DomainNamespaces() => new(
        Services.Select(a => a.GetName().Name + ".Domain").Append("Lishui.Shared.Domain"));

    [Theory]
    [MemberData(nameof(DomainNamespaces))]
    public void Domain_code_depends_on_no_framework(string domainNamespace)
    {
        var result = FrameworkFree(domainNamespace);

        Assert.True(result.IsSuccessful, $"{domainNamespace} uses a framework: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_framework_rule_does_catch_framework_code()
    {
        // Data/ is EF Core by design: if the rule passed here it would be checking nothing.
        Assert.False(FrameworkFree("Lishui.Membership.Data").IsSuccessful);
    }

    [Fact]
    public void No_service_references_another_service()
    {
        var names = Services.Select(a => a.GetName().Name!).ToHashSet();
        foreach (var service in Services)
        {
            var references = service.GetReferencedAssemblies().Select(r => r.Name!).Where(names.Contains).ToList();
            Assert.True(references.Count == 0, $"{service.GetName().Name} references {string.Join(", ", references)}; use events from contracts instead.");
        }
    }

    private static TestResult FrameworkFree(string ns) =>
        Types.InAssemblies(Services.Append(typeof(Lishui.Shared.Domain.IBusinessRule).Assembly))
            .That().ResideInNamespaceStartingWith(ns)
            .ShouldNot().HaveDependencyOnAny(Frameworks)
            .GetResult();
}
