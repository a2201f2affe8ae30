using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Device;

/// <summary>EVERY-REFUSAL-LOGGED on the whole pump: a refused refill reaches the persistent event log with its reason.</summary>
[TestClass]
public class RefillRefusalLogTests
{
    [TestMethod]
    public void A_refused_refill_is_in_the_event_log_with_its_reason()
    {
        var rig = PumpRig.Running();
        rig.RunFor(Milliseconds.FromHours(1));
        rig.Pump.BeginRefill();
        var result = rig.Pump.CompleteRefill(Nanoliters.FromMilliliters(150), Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10_000), PumpConfiguration.DefaultLowReservoir, confirmed: true);
        Assert.IsTrue(result.Report.Has(TherapyError.RefillAboveCapacity), result.Report.ToString());
        var events = new List<(EventKind Kind, long B)>();
        for (uint s = rig.Pump.Events.Oldest; s != 0 && s <= rig.Pump.Events.Newest; s++)
            if (rig.Pump.Events.Read(s, out var kind, out _, out _, out var b)) events.Add((kind, b));
        Assert.IsTrue(events.Any(e => e.Kind == EventKind.ProgrammingRefused && e.B == (long)TherapyError.RefillAboveCapacity),
            "the refusal and its code are in the event log");
        Assert.AreEqual(1, events.Count(e => e.Kind == EventKind.Refill), "only the first fill is logged as a refill");
    }
}
