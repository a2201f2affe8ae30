using System.Diagnostics;
using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Hal;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Device;

/// <summary>
/// An attacker on the serial line, as a fault to inject: it sends the virtual device random bytes and
/// mutated copies of real frames (bit flips, truncations, insertions, splices, forged headers with a
/// fixed-up CRC, broken stuffing) and checks after every one that the firmware neither threw nor
/// changed anything a valid authenticated command would be needed for. A second mode sends frames
/// with a VALID key and counter but random payloads: there the pump may change, but every answer
/// must be Ok or BadPayload and a BadPayload must change nothing. Deterministic for a seed.
/// </summary>
public sealed class FrameFuzzer
{
    private readonly SimulationRandom _random;
    private readonly ScenarioSession _session;
    private readonly QueueLink _link = new();
    private readonly List<byte[]> _corpus = new();
    private readonly byte[][] _keys = new byte[RoleName.Count][];
    private uint _counter;

    public FrameFuzzer(ulong seed)
    {
        _random = new SimulationRandom(seed);
        _session = new ScenarioSession(Scenario.Load(ScenarioLibrary.Resolve("virtual-device")));
        _session.RunUntil(Milliseconds(1));   // past the priming bolus: the pump runs its basal
        _session.Pump.World.Board.Link.Plugged = _link;
        for (int r = 0; r < RoleName.Count; r++)
        {
            _keys[r] = new byte[KeyRing.KeyBytes];
            KeyRing.DevelopmentKey(Pump.DeviceId, (Role)r, _keys[r], 0);
        }
        _counter = 1_000_000;
        // The seeds of every mutation: one valid frame of each command, sealed under the right key.
        foreach (int command in new[] { CommandTable.Hello, CommandTable.ReadStatus, CommandTable.RequestBolus, CommandTable.AddDiaryEntry, CommandTable.SilenceAlarms,
                     CommandTable.Program, CommandTable.RefillBegin, CommandTable.RefillComplete, CommandTable.ClinicianBolus, CommandTable.AlarmReset,
                     CommandTable.ExportLog, CommandTable.TrialReport, CommandTable.ClockSync, CommandTable.Calibrate, CommandTable.ProvisionKey })
        {
            Role role = CommandTable.Allows(command, Role.Clinician) ? Role.Clinician : CommandTable.Allows(command, Role.Patient) ? Role.Patient : Role.Service;
            _corpus.Add(Seal(role, command, ++_counter, RandomBytes(_random.NextInt(24)), _keys[(int)role]));
        }
    }

    private static long Milliseconds(long hours) => hours * 3_600_000;

    private InfusionPump Pump => _session.Pump.Pump;

    /// <summary>Stands for an answer that is not a well-formed response frame: always a failure.</summary>
    private const ProtocolStatus Undecodable = (ProtocolStatus)255;

    /// <summary>The device under attack.</summary>
    public ScenarioSession Session => _session;

    /// <summary>Statuses answered, by status; exceptions and state changes found; frames sent; wall time.</summary>
    public sealed class Result
    {
        public long Frames;
        public long Answers;
        public readonly Dictionary<ProtocolStatus, long> ByStatus = new();
        public readonly List<string> Failures = new();
        public TimeSpan Wall;

        public override string ToString() =>
            $"{Frames:N0} frames, {Answers:N0} answers ({string.Join(", ", ByStatus.OrderByDescending(s => s.Value).Select(s => $"{ProtocolStatusName.Of(s.Key)} {s.Value:N0}"))}), {Failures.Count} failures, {Wall.TotalSeconds:0.0} s";
    }

    /// <summary>Random and mutated frames with no valid authentication: nothing may change.</summary>
    public Result Unauthenticated(int frames)
    {
        var result = new Result();
        var wall = Stopwatch.StartNew();
        string before = Fingerprint(counters: true);
        for (int i = 0; i < frames; i++)
        {
            byte[] wire = NextUnauthenticated();
            Send(wire, result, i);
            string after = Fingerprint(counters: true);
            if (after != before) { result.Failures.Add($"frame {i} changed the pump without valid authentication: {Hex(wire)}"); before = after; }
            // Virtual time moves on, so rate-limit lockouts end and the deeper checks are reached again.
            if (i % 64 == 63) _session.RunUntil(_session.Now + 90_000);
        }
        result.Wall = wall.Elapsed;
        return result;
    }

    /// <summary>Valid key and counter, random payloads: no crash, every answer Ok or BadPayload, and a BadPayload changes nothing.</summary>
    public Result AuthenticatedPayloads(int frames)
    {
        var result = new Result();
        var wall = Stopwatch.StartNew();
        int[] commands = { CommandTable.ReadStatus, CommandTable.RequestBolus, CommandTable.AddDiaryEntry, CommandTable.Program, CommandTable.RefillComplete,
            CommandTable.ClinicianBolus, CommandTable.ExportLog, CommandTable.TrialReport, CommandTable.ClockSync, CommandTable.Calibrate };
        for (int i = 0; i < frames; i++)
        {
            int command = commands[_random.NextInt(commands.Length)];
            Role role = CommandTable.Allows(command, Role.Clinician) ? Role.Clinician : CommandTable.Allows(command, Role.Patient) ? Role.Patient : Role.Service;
            byte[] payload = _random.NextInt(2) == 0 ? RandomBytes(_random.NextInt(48)) : MutatedPayload(command);
            string before = Fingerprint(counters: false);
            // The next counter of the role, as a programmer that read Hello would send (COUNTER-WINDOW refuses far-ahead ones).
            uint counter = _session.Pump.Pump.ReplayCounters[(int)role] + 1;
            var statuses = Send(Seal(role, command, counter, payload, _keys[(int)role]), result, i);
            foreach (var status in statuses)
            {
                if (status != ProtocolStatus.Ok && status != ProtocolStatus.BadPayload) result.Failures.Add($"frame {i}: authenticated {CommandTable.Name(command)} answered {ProtocolStatusName.Of(status)}");
                if (status == ProtocolStatus.BadPayload && Fingerprint(counters: false) != before) result.Failures.Add($"frame {i}: a {CommandTable.Name(command)} payload that did not parse changed the pump: {Hex(payload)}");
            }
            if (statuses.Count != 1) result.Failures.Add($"frame {i}: {statuses.Count} answers to one authenticated frame");
        }
        result.Wall = wall.Elapsed;
        return result;
    }

    /// <summary>A well-formed payload for the command with a few bytes changed in place: it parses, and its values go wild.</summary>
    private byte[] MutatedPayload(int command)
    {
        var w = new PayloadWriter(Frame.MaxPayload);
        switch (command)
        {
            case CommandTable.AddDiaryEntry: w.U8(_random.NextInt(2)); w.U8(_random.NextInt(12)); w.U16(_random.NextInt(2000)); break;
            case CommandTable.Program:
                w.U8(_random.NextInt(4));
                OpenIdds.Firmware.Protocol.Messages.PrescriptionMessage.Write(w, OpenIdds.Firmware.Therapy.Prescription.Continuous(
                    new OpenIdds.Firmware.Therapy.Drug("morphine", new OpenIdds.Firmware.Units.MicrogramsPerMilliliter(10000)), new OpenIdds.Firmware.Units.NanolitersPerHour(20000),
                    new OpenIdds.Firmware.Therapy.PatientBolusSettings(new OpenIdds.Firmware.Units.Micrograms(100), OpenIdds.Firmware.Units.Milliseconds.FromMinutes(10), OpenIdds.Firmware.Units.Milliseconds.FromHours(2), 4)));
                break;
            case CommandTable.RefillComplete: w.I64(_random.NextInt(30_000_000)); w.I64(_random.NextInt(30_000_000)); w.Text("morphine"); w.U32(10000); w.I64(2_000_000); w.U8(_random.NextInt(2)); break;
            case CommandTable.ClinicianBolus: w.U32((uint)_random.NextInt(2000)); w.U32((uint)_random.NextInt(7_200_000)); w.U8(_random.NextInt(2)); break;
            case CommandTable.ExportLog: w.U32((uint)_random.NextInt(1000)); w.U8(1 + _random.NextInt(40)); break;
            case CommandTable.TrialReport: w.U8(1 + _random.NextInt(100)); break;
            case CommandTable.ClockSync: w.U32((uint)_random.NextInt(90_000_000)); break;
            case CommandTable.Calibrate: w.I64(_random.NextInt(20_000_000)); break;
        }
        var bytes = w.Buffer[..w.Length];
        for (int e = _random.NextInt(4); e > 0 && bytes.Length > 0; e--) bytes[_random.NextInt(bytes.Length)] = (byte)_random.NextInt(256);
        return bytes;
    }

    private List<ProtocolStatus> Send(byte[] wire, Result result, int index)
    {
        result.Frames++;
        _link.ToDevice(wire);
        try
        {
            _session.Interrupt();
        }
        catch (Exception e)
        {
            result.Failures.Add($"frame {index} threw {e.GetType().Name}: {e.Message} on {Hex(wire)}");
        }
        var statuses = _link.Answers();
        foreach (var s in statuses)
        {
            if (s == Undecodable) result.Failures.Add($"frame {index}: the device's answer does not decode (COBS or CRC) on {Hex(wire)}");
            result.Answers++;
            result.ByStatus[s] = result.ByStatus.GetValueOrDefault(s) + 1;
        }
        return statuses;
    }

    private byte[] NextUnauthenticated()
    {
        while (true)
        {
            byte[] wire = _random.NextInt(8) switch
            {
                0 => Noise(),
                1 => Stuff(Mutate(Decoded(Pick()), fixCrc: false)),
                2 or 3 => Stuff(Mutate(Decoded(Pick()), fixCrc: true)),
                4 => Stuff(ForgeHeader(Decoded(Pick()))),
                5 => Splice(),
                6 => BreakStuffing(Pick()),
                _ => Stuff(Mutate(Decoded(Pick()), fixCrc: _random.NextInt(2) == 0)),
            };
            // A mutation that gave back a valid frame unchanged would be authenticated: never send one.
            if (!_corpus.Any(c => c.AsSpan().SequenceEqual(wire))) return wire;
        }
    }

    private byte[] Pick() => _corpus[_random.NextInt(_corpus.Count)];

    private byte[] Noise()
    {
        var bytes = RandomBytes(1 + _random.NextInt(_random.NextInt(10) == 0 ? Frame.MaxEncoded + 200 : 96));
        bytes[^1] = 0;
        return bytes;
    }

    private byte[] Mutate(byte[] frame, bool fixCrc)
    {
        var f = new List<byte>(frame);
        int edits = 1 + _random.NextInt(4);
        for (int e = 0; e < edits && f.Count > 0; e++)
        {
            int at = _random.NextInt(f.Count);
            switch (_random.NextInt(6))
            {
                case 0: f[at] ^= (byte)(1 << _random.NextInt(8)); break;
                case 1: f[at] = (byte)_random.NextInt(256); break;
                case 2: f.RemoveRange(at, f.Count - at); break;
                case 3: f.Insert(at, (byte)_random.NextInt(256)); break;
                case 4: f.RemoveAt(at); break;
                default: f.AddRange(RandomBytes(1 + _random.NextInt(40))); break;
            }
        }
        var bytes = f.ToArray();
        if (fixCrc && bytes.Length >= Frame.CrcBytes) Frame.PutU16(bytes, bytes.Length - 2, Crc16.Compute(bytes, 0, bytes.Length - 2));
        return bytes;
    }

    /// <summary>A header an attacker would try: another role, command, version or length, with the CRC made right.</summary>
    private byte[] ForgeHeader(byte[] frame)
    {
        var f = (byte[])frame.Clone();
        switch (_random.NextInt(5))
        {
            case 0: f[4] = (byte)_random.NextInt(4); break;                       // role
            case 1: f[5] = (byte)_random.NextInt(256); break;                     // command
            case 2: f[0] = (byte)_random.NextInt(4); break;                       // version
            case 3: Frame.PutU16(f, 10, _random.NextInt(Frame.MaxPayload + 64)); break;   // payload length
            default: Frame.PutU32(f, 6, (uint)_random.NextInt(int.MaxValue)); break;  // counter (the MAC no longer holds)
        }
        Frame.PutU16(f, f.Length - 2, Crc16.Compute(f, 0, f.Length - 2));
        return f;
    }

    private byte[] Splice()
    {
        byte[] a = Decoded(Pick()), b = Decoded(Pick());
        int cut = _random.NextInt(a.Length);
        var f = a.Take(cut).Concat(b.Skip(_random.NextInt(b.Length))).ToArray();
        if (f.Length >= 2) Frame.PutU16(f, f.Length - 2, Crc16.Compute(f, 0, f.Length - 2));
        return Stuff(f);
    }

    /// <summary>Corrupts the stuffing itself: a code byte pointing past the end, a stray zero, a missing delimiter.</summary>
    private byte[] BreakStuffing(byte[] wire)
    {
        var w = (byte[])wire.Clone();
        int at = _random.NextInt(Math.Max(1, w.Length - 1));
        w[at] = _random.NextInt(2) == 0 ? (byte)0 : (byte)(1 + _random.NextInt(255));
        return w;
    }

    private static byte[] Decoded(byte[] wire)
    {
        var decoded = new byte[Frame.MaxFrame];
        int n = Cobs.Decode(wire, wire.Length - 1, decoded);
        return decoded[..n];
    }

    private static byte[] Stuff(byte[] frame)
    {
        var encoded = new byte[frame.Length + frame.Length / 254 + 3];
        int n = Cobs.Encode(frame, 0, frame.Length, encoded);
        if (n < 0) return new byte[] { 0 };
        var wire = new byte[n + 1];
        Array.Copy(encoded, wire, n);
        return wire;
    }

    private static byte[] Seal(Role role, int command, uint counter, byte[] payload, byte[] key)
    {
        var frame = new byte[Frame.MaxFrame];
        Frame.RequestHeader(frame, 1, role, command, counter);
        Array.Copy(payload, 0, frame, Frame.RequestHeaderBytes, payload.Length);
        int length = Frame.Seal(frame, Frame.RequestHeaderBytes, payload.Length, command == CommandTable.Hello ? null : new HmacSha256(key));
        return Stuff(frame[..length]);
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        for (int i = 0; i < count; i++) bytes[i] = (byte)_random.NextInt(256);
        return bytes;
    }

    /// <summary>What may change only through a valid authenticated command.</summary>
    public string Fingerprint(bool counters)
    {
        var p = Pump;
        var t = p.Therapy;
        return string.Join("|", t.Revision, t.Prescription.Mode, t.Prescription.Rate.Value, t.PatientBolusesGranted, t.PatientBolusesRefused, t.ClinicianBolusesGranted,
            t.Configuration.TimeOfDayAtZero.Value, t.Configuration.LowReservoirThreshold.Value, p.Calibration.PicolitersPerStep, p.Supervisor.State, p.Supervisor.Fill.Value,
            counters ? string.Join(",", p.ReplayCounters) : "-", p.Keys.Provisioned(Role.Patient), p.Keys.Provisioned(Role.Clinician), p.Keys.Provisioned(Role.Service),
            p.Diary.Count, p.RefillOpen, p.Supervisor.Alarms.LatchedBits);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 48))) + (bytes.Length > 48 ? "..." : "");

    /// <summary>The device's UART for the fuzzer: what it sends is queued for the firmware; the firmware's answers are decoded back.</summary>
    private sealed class QueueLink : ISerialLink
    {
        private readonly Queue<byte> _in = new();
        private readonly List<byte> _out = new();

        public void ToDevice(byte[] wire) { foreach (byte b in wire) _in.Enqueue(b); }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _in.Count > 0) buffer[offset + n++] = _in.Dequeue();
            return n;
        }

        public void Write(byte[] buffer, int offset, int count) { for (int i = 0; i < count; i++) _out.Add(buffer[offset + i]); }

        public List<ProtocolStatus> Answers()
        {
            var statuses = new List<ProtocolStatus>();
            int start = 0;
            for (int i = 0; i < _out.Count; i++)
            {
                if (_out[i] != 0) continue;
                byte[] wire = _out.Skip(start).Take(i - start + 1).ToArray();
                start = i + 1;
                byte[] frame = Decoded(wire);
                if (frame.Length >= Frame.MinResponse && Frame.CrcHolds(frame, frame.Length)) statuses.Add((ProtocolStatus)frame[10]);
                else statuses.Add(Undecodable);
            }
            _out.Clear();
            _in.Clear();
            return statuses;
        }
    }
}
