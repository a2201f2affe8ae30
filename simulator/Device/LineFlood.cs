using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Simulator.Device;

/// <summary>
/// Garbage at full line rate into a running pump (docs/protocol.md, "Line flood"): 2-byte keyless
/// frames - a random byte and the 0x00 delimiter - back to back at the baud rate, for a duration, into
/// the whole firmware on a virtual board whose UART writes hold the loop for their line time
/// (<see cref="LineRateLink"/>). The board wakes every 10 ms while bytes arrive, as its receive
/// interrupt would. Counts the steps given and missed and the answer bytes sent. Deterministic for a seed.
/// </summary>
public static class LineFlood
{
    public sealed class Result
    {
        public long StepsDue;
        public long StepsTaken;
        public long StepsMissed;
        public long AnswerBytes;
        public long FramesSent;
        public long FramesDropped;
        public long BytesLost;
        public string Alarms = "";

        public override string ToString() =>
            $"{StepsTaken} steps given, {StepsMissed} missed; {FramesSent:N0} frames sent, {AnswerBytes:N0} answer bytes, {FramesDropped:N0} frames dropped unanswered, {BytesLost:N0} bytes lost in the receive buffer; alarms: {(Alarms.Length == 0 ? "none" : Alarms)}";
    }

    public const long WakeMilliseconds = 10;

    public static Result Run(Milliseconds duration, long baud, long microlitersPerHour, ulong seed)
    {
        var board = new VirtualBoard(250_000);
        var link = new LineRateLink(board.Clock, baud);
        board.Link.Plugged = link;
        var setup = new PumpSetup { DeviceId = "FLOOD-0001", Stage = PumpStage.Trial, HasPressureSensor = false };
        var pump = new InfusionPump(board.Hardware, setup);
        Advance(board, pump, 2);   // the self-test
        var morphine = new Drug(DrugLibrary.Morphine, new MicrogramsPerMilliliter(1000));
        Nanoliters expected = pump.BeginRefill();
        pump.CompleteRefill(expected, Nanoliters.FromMilliliters(100), morphine, PumpConfiguration.DefaultLowReservoir, confirmed: true);
        var report = pump.Program(Prescription.Continuous(morphine, NanolitersPerHour.FromMicrolitersPerHour(microlitersPerHour), null), confirmed: true);
        if (!report.Accepted) throw new InvalidOperationException("the flood's prescription was refused: " + report + "; alarms: " + Shown(pump));
        // Past the priming bolus: the pump runs its basal when the flood starts.
        while (pump.Therapy.Flushing) Advance(board, pump, 1000);

        var random = new SimulationRandom(seed);
        var result = new Result();
        long takenBefore = pump.Controller.StepsTaken, missedBefore = pump.Controller.StepsMissed;
        long answerBefore = pump.Endpoint.AnswerBytes, droppedBefore = pump.Endpoint.FramesDropped;
        long start = board.Clock.ElapsedMilliseconds, end = start + duration.Value;
        long arrivedMicros = 0;
        long last = start;
        bool delimiterNext = false;
        while (board.Clock.ElapsedMilliseconds < end)
        {
            long now = board.Clock.ElapsedMilliseconds;
            // The bytes the line carried since the last wake (10 bits each).
            arrivedMicros += (now - last) * 1000;
            last = now;
            long bytes = arrivedMicros * baud / 10 / 1_000_000;
            arrivedMicros -= bytes * 10 * 1_000_000 / baud;
            for (long i = 0; i < bytes; i++)
            {
                link.Arrive(delimiterNext ? (byte)0 : (byte)(1 + random.NextInt(255)));
                if (delimiterNext) result.FramesSent++;
                delimiterNext = !delimiterNext;
            }
            pump.Tick();
            if (board.Clock.ElapsedMilliseconds == now) board.Clock.AdvanceTo(now + WakeMilliseconds);
        }
        result.StepsTaken = pump.Controller.StepsTaken - takenBefore;
        result.StepsMissed = pump.Controller.StepsMissed - missedBefore;
        result.StepsDue = result.StepsTaken + result.StepsMissed;
        result.AnswerBytes = pump.Endpoint.AnswerBytes - answerBefore;
        result.FramesDropped = pump.Endpoint.FramesDropped - droppedBefore;
        result.BytesLost = link.BytesLost;
        result.Alarms = Shown(pump) + $" (under-delivery monitor, this hour and the last: {pump.Supervisor.UnderDelivery.Taken} given, {pump.Supervisor.UnderDelivery.Missed} missed)";
        return result;
    }

    private static string Shown(InfusionPump pump)
    {
        var shown = new List<string>();
        foreach (AlarmCode code in Enum.GetValues<AlarmCode>())
            if (code != AlarmCode.None && pump.Supervisor.Alarms.IsShown(code)) shown.Add(AlarmTable.Of(code).Name);
        return string.Join(", ", shown);
    }

    private static void Advance(VirtualBoard board, InfusionPump pump, long milliseconds)
    {
        for (int i = 0; i < 2; i++)
        {
            board.Clock.AdvanceTo(board.Clock.ElapsedMilliseconds + milliseconds);
            pump.Tick();
        }
    }
}
