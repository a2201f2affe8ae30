using OpenIdds.Firmware.Therapy;
using OpenIdds.Tests.Unit.Safety;

namespace OpenIdds.Tests.Host.Device;

/// <summary>An implanted pump with a pressure sensor (so it runs the catheter check), fed a synthetic CSF trace at every wake-up.</summary>
public static class CatheterRig
{
    public static PumpRig Started()
    {
        var setup = PumpRig.SmallSetup(PumpStage.Implanted);
        setup.HasPressureSensor = true;
        var rig = new PumpRig(PumpStage.Implanted, setup: setup);
        rig.PassSelfTest();
        return rig;
    }

    /// <summary>The docs' median patient through an intact catheter: 1 mmHg cardiac, 1.5 mmHg respiratory, 25 Pa noise.</summary>
    public static PulseTrace Intact() => new() { CardiacAmplitudePascals = 133, RespiratoryAmplitudePascals = 200, NoisePascals = 25 };

    /// <summary>The tip in the epidural space: the pulse damped to 15 %, the pressure at 3 mmHg.</summary>
    public static PulseTrace Dislodged() => new() { BaselinePascals = 400, CardiacAmplitudePascals = 20, RespiratoryAmplitudePascals = 30, NoisePascals = 25 };

    /// <summary>Wakes the pump as a board would until pump time reaches <paramref name="until"/>, the sensor reading the trace at each wake-up.</summary>
    public static void RunOn(PumpRig rig, PulseTrace trace, long until)
    {
        while (rig.Pump.Now.Value < until)
        {
            long offset = rig.Pump.Now.Value - rig.Clock.ElapsedMilliseconds;
            long wake = Math.Min(rig.Pump.NextWake.Value, until);
            rig.Clock.ElapsedMilliseconds = Math.Max(rig.Clock.ElapsedMilliseconds + 1, wake - offset);
            rig.Board.Pressure.Pascals = trace.At(rig.Pump.Now.Value);
            rig.Pump.Tick();
        }
    }
}
