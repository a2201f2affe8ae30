using System.Text.Json;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host;

/// <summary>Every physics parameter has a documented default and reason in docs/simulator.md.</summary>
[TestClass]
public class SimulatorDocsTests
{
    [TestMethod]
    public void Every_physics_parameter_is_in_the_docs_table()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "simulator.md"));
        var names = JsonSerializer.SerializeToNode(new PhysicsParameters(), Scenario.Json)!.AsObject().Select(p => p.Key).ToList();
        Assert.IsTrue(names.Count > 20);
        var missing = names.Where(n => !doc.Contains($"`{n}`", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, missing.Count, "undocumented physics parameters: " + string.Join(", ", missing));
    }
}
