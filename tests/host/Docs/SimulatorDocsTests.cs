using OpenIdds.HostLib.Prescriptions;
using System.Text.Json;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Docs;

/// <summary>Every physics parameter has a documented default and reason in docs/simulator.md; every scenario field, action and expectation is in its schema.</summary>
[TestClass]
public class SimulatorDocsTests
{
    private static string Doc => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "simulator.md"));

    private static IEnumerable<string> FieldsOf(object value) =>
        JsonSerializer.SerializeToNode(value, value.GetType(), Scenario.Json)!.AsObject().Select(p => p.Key);

    [TestMethod]
    public void Every_scenario_field_action_and_expectation_is_in_the_schema()
    {
        string doc = Doc;
        var fields = FieldsOf(new Scenario()).Concat(FieldsOf(new ScenarioAction())).Concat(FieldsOf(new PrescriptionSpec()))
            .Concat(FieldsOf(new PatientBolusSpec())).Concat(FieldsOf(new FlexStepSpec())).Concat(FieldsOf(new Expectation()))
            .Concat(new[] { "detail", "after", "by", "count" }).Distinct().ToList();
        Assert.IsTrue(fields.Count > 40);
        var missing = fields.Where(f => !doc.Contains($"`{f}`", StringComparison.Ordinal) && !doc.Contains($"\"{f}\"", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, missing.Count, "scenario fields missing from docs/simulator.md: " + string.Join(", ", missing));

        // The actions ScenarioActions.Apply knows, read from its switch.
        string source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "simulator", "Running", "ScenarioActions.cs"));
        var actions = System.Text.RegularExpressions.Regex.Matches(source, "case \"([a-z-]+)\":").Select(m => m.Groups[1].Value).ToList();
        Assert.IsTrue(actions.Count >= 25, $"only {actions.Count} actions found");
        var undocumented = actions.Where(a => !doc.Contains($"| `{a}`", StringComparison.Ordinal) && !doc.Contains($", `{a}`", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, undocumented.Count, "actions missing from the docs' action table: " + string.Join(", ", undocumented));
    }

    [TestMethod]
    public void Every_physics_parameter_is_in_the_docs_table()
    {
        string doc = Doc;
        var names = JsonSerializer.SerializeToNode(new PhysicsParameters(), Scenario.Json)!.AsObject().Select(p => p.Key).ToList();
        Assert.IsTrue(names.Count > 20);
        var missing = names.Where(n => !doc.Contains($"`{n}`", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, missing.Count, "undocumented physics parameters: " + string.Join(", ", missing));
    }
}
