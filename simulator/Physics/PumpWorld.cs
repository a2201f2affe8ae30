using OpenIdds.Hal;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Simulator.Physics;

/// <summary>
/// The whole physical world around one pump: the virtual board with its real drivers, the head, the
/// line and catheter, the patient's CSF, the reservoir, the battery and the bench balance. Strokes come
/// from STEP pin edges; between wake-ups the line drains in closed form, so virtual time can jump.
/// Every random part draws from its own stream of the scenario's seed.
/// </summary>
public sealed class PumpWorld
{
    private long _physicsTime;

    public PumpWorld(PhysicsParameters parameters, ulong seed, long initialNanoliters, long concentration, bool levelSensor, long startTime = 0, BoardPins? pins = null, bool rotorEncoder = false)
    {
        _physicsTime = startTime;
        Parameters = parameters;
        var root = new SimulationRandom(seed);
        Head = new PumpHead(parameters, root.Fork(1));
        // The catheter is implanted (or the trial line set up) filled with saline: the priming bolus brings the drug to the tip.
        Line = new CatheterLine(parameters, 0);
        Patient = new Patient(parameters);
        Reservoir = new ReservoirModel(parameters, root.Fork(2), initialNanoliters, concentration) { LevelSensorFitted = levelSensor };
        Battery = new BatteryModel(parameters);
        Balance = new LabBalance(parameters, root.Fork(3));
        Pulsation = new CsfPulsation(parameters, root.Fork(6));
        // Every scenario reads its pressure through the chosen board's chain (the DevKitC's unless told).
        var adc = BoardAdc.ForBoard((pins ?? BoardPins.Esp32DevKitC).Name);
        var chain = adc == null ? null : new PressureSignalChain(adc, parameters, root.Fork(5));
        PressureSensor = new PressureSensorModel(parameters, root.Fork(4), SensedPascals, () => _physicsTime, chain);
        Board = new VirtualBoard(parameters.StrokePicoliters, PressureSensor, levelSensor ? Reservoir : null, Battery, pins);
        Board.Mechanism.Stroke += OnStroke;
        if (rotorEncoder) Board.FitRotorEncoder(() => Head.LostSteps);
    }

    public PhysicsParameters Parameters { get; }
    public VirtualBoard Board { get; }
    public PumpHead Head { get; }
    public CatheterLine Line { get; }
    public Patient Patient { get; }
    public ReservoirModel Reservoir { get; }
    public BatteryModel Battery { get; }
    public LabBalance Balance { get; }
    public PressureSensorModel PressureSensor { get; }

    /// <summary>A catheter state being reached gradually (the catheter action's "over"), or null.</summary>
    public CatheterRamp? CatheterRamp { get; set; }

    /// <summary>This patient's CSF pulses, felt at the sensor when <see cref="PhysicsParameters.CsfPulsation"/> is on.</summary>
    public CsfPulsation Pulsation { get; }

    // The line is linear, so the pulses add to the drained pressure: their steady response through
    // the line's transmission, in closed form, so virtual time can still jump between wake-ups.
    private double SensedPascals() =>
        Line.PressurePascals + (Parameters.CsfPulsation ? Pulsation.Pascals(_physicsTime, Patient.Posture, Patient.Activity, Line) : 0.0);

    /// <summary>True (physical) time, ms. The board's clock may drift from it.</summary>
    public long Now => _physicsTime;

    /// <summary>Volume the head actually pushed into the line, nL (the "measured" delivery).</summary>
    public double PumpedNanoliters { get; private set; }

    /// <summary>Lets the physical world run to <paramref name="time"/>: the line drains toward the CSF pressure.</summary>
    public void AdvanceTo(long time)
    {
        if (time <= _physicsTime) return;
        // Pressure transients end inside the interval: drain piecewise so each piece has a constant sink.
        while (_physicsTime < time)
        {
            long end = Math.Min(time, Patient.TransientEnds(_physicsTime));
            if (CatheterRamp != null) end = Math.Min(end, CatheterRamp.NextStep(_physicsTime));
            double seconds = (end - _physicsTime) / 1000.0;
            Line.Flow(seconds, Patient.CsfPascals(_physicsTime));
            Battery.Idle(seconds / 3600.0);
            _physicsTime = end;
            CatheterRamp?.Apply(Line, _physicsTime);
        }
    }

    private void OnStroke(MotorDirection direction)
    {
        Battery.OnStep();
        // Without VMOT (the supply lost, or the independent cut open) the pulses reach a driver that turns nothing.
        if (!Board.MotorSupply.Present) return;
        if (!Head.Follows(_physicsTime)) return;
        if (direction == MotorDirection.Reverse)
        {
            Line.Withdraw(Parameters.StrokePicoliters / 1000.0);
            return;
        }
        double stroke = Head.Stroke(Line.PressurePascals);
        double drawn = Reservoir.Draw(stroke);
        PumpedNanoliters += drawn;
        Line.Inject(drawn, Reservoir.Concentration);
    }
}
