using System.Text.Json;

namespace Lishui.MalformedInput.Tests;

/// <summary>A fuzz failure is only worth reporting if its seed sends the same requests again.</summary>
[Trait("Category", "Unit")]
public sealed class FuzzReplayTests
{
    private static readonly Operation[] Operations =
    [
        new("POST", "/things/{id}", [new("id", "path", Shape.Uuid, true) { Schema = Schema("""{"type":"string","format":"uuid"}""") }],
            [new("name", Shape.Text), new("count", Shape.Integer)])
        {
            BodyTypes = ["application/json"],
            BodySchema = Schema("""
                {"type":"object","required":["name","count"],"properties":{
                  "name":{"type":"string","maxLength":100},"count":{"type":"integer","format":"int32"},
                  "kind":{"enum":["A","B"]},"when":{"type":["null","string"],"format":"date-time"},
                  "tags":{"type":"array","items":{"type":"string"}}}}
                """),
        },
        new("GET", "/things", [new("page", "query", Shape.Integer, false) { Schema = Schema("""{"type":"integer","format":"int32"}""") }], null),
    ];

    [Fact]
    public void The_same_seed_sends_the_same_requests_and_another_seed_others()
    {
        var first = Requests(1234);

        Assert.Equal(first, Requests(1234));
        Assert.NotEqual(first, Requests(1235));
    }

    [Fact]
    public void Most_requests_are_broken_and_every_kind_of_break_comes_up()
    {
        var cases = FuzzCases.Plan(Operations, 1_000, 99).Select(p => FuzzCases.Build(p, "fzt")).ToList();
        var kinds = cases.SelectMany(c => c.Mutations).ToHashSet();

        Assert.True(cases.Count >= 1_000);
        Assert.InRange(cases.Count(c => !c.Mutated), 50, 300);
        Assert.Subset(kinds, new HashSet<string>
        {
            "duplicate property", "unpaired surrogate", "NUL", "deep nesting", "huge array", "number out of range", "wrong type",
            "wrong content type", "no content type", "empty body", "truncated body", "body on a read", "odd path value", "odd query value", "long header",
        });
    }

    private static List<string> Requests(int seed) =>
        [.. FuzzCases.Plan(Operations, 200, seed).Select(p => FuzzCases.Build(p, "fzt")).Select(c =>
            $"{c.Index} {c.Target} {c.ContentType} {Convert.ToBase64String(c.Body ?? [])} {string.Join(";", c.Headers)} {string.Join(",", c.Mutations)}")];

    private static JsonElement Schema(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
