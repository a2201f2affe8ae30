using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Programmer.Link;

/// <summary>Each command of the message set as a typed call: builds the payload with the firmware's own message code, reads the answer back with it.</summary>
public sealed class PumpCommands(ProtocolClient client)
{
    public ProtocolClient Client { get; } = client;

    private static byte[] Build(Action<PayloadWriter> write)
    {
        var w = new PayloadWriter(Frame.MaxPayload);
        write(w);
        if (w.Overflow) throw new ArgumentException($"the request does not fit the {Frame.MaxPayload}-byte payload");
        return w.Buffer[..w.Length];
    }

    private static T Parse<T>(Response r, Func<PayloadReader, T> read)
    {
        var reader = r.Reader();
        T value = read(reader);
        if (!reader.Ok) throw new LinkException($"the answer to {CommandTable.Name(r.Command)} does not parse ({reader.FailedField}: {reader.FailedWhy}): the device's firmware and this iddsctl disagree on the message set");
        return value;
    }

    public StatusMessage Status(Role role) => Parse(Client.Send(role, CommandTable.ReadStatus, Array.Empty<byte>()), StatusMessage.Read);

    /// <summary>
    /// Program (or, with <paramref name="reviewOnly"/>, only check) a prescription; returns the pump's
    /// report, the prescription's daily dose and, after a commit the pump accepted, the prescription as
    /// the pump will run it (null otherwise). WIRE-FIT-OR-REFUSE: a value the wire cannot carry is refused
    /// here, naming the field, before anything is sent.
    /// </summary>
    public (ReportMessage Report, long DailyDoseNanograms, Prescription? Running) Program(Prescription p, bool confirmed, bool reviewOnly)
    {
        string misfit = PrescriptionMessage.Misfit(p, "prescription");
        if (misfit.Length > 0) throw new LinkException(misfit);
        var payload = Build(w =>
        {
            w.U8((confirmed ? 1 : 0) | (reviewOnly ? 2 : 0));
            PrescriptionMessage.Write(w, p);
        });
        return Parse(Client.Send(Role.Clinician, CommandTable.Program, payload), r =>
        {
            var report = ReportMessage.Read(r);
            long daily = r.I64("program.daily_dose");
            Prescription? running = !reviewOnly && report.IsAccepted && r.Ok && r.Remaining > 0 ? PrescriptionMessage.Read(r, "program.running") : null;
            return (report, daily, running);
        });
    }

    /// <summary>PROGRAMMED-AS-REVIEWED: the two prescriptions are the same on the wire, byte for byte.</summary>
    public static bool SameOnTheWire(Prescription a, Prescription b)
    {
        var wa = new PayloadWriter(Frame.MaxPayload);
        var wb = new PayloadWriter(Frame.MaxPayload);
        PrescriptionMessage.Write(wa, a);
        PrescriptionMessage.Write(wb, b);
        return wa.Length == wb.Length && wa.Buffer.AsSpan(0, wa.Length).SequenceEqual(wb.Buffer.AsSpan(0, wb.Length));
    }

    public ReportMessage PatientBolus() => Parse(Client.Send(Role.Patient, CommandTable.RequestBolus, Array.Empty<byte>()), ReportMessage.Read);

    public ReportMessage ClinicianBolus(Micrograms dose, Milliseconds duration, bool confirmed) =>
        Parse(Client.Send(Role.Clinician, CommandTable.ClinicianBolus, Build(w => { w.U32((uint)dose.Value); w.U32((uint)duration.Value); w.U8(confirmed ? 1 : 0); })), ReportMessage.Read);

    public ReportMessage DiaryPain(int score) =>
        Parse(Client.Send(Role.Patient, CommandTable.AddDiaryEntry, Build(w => { w.U8(0); w.U8(score); w.U16(0); })), ReportMessage.Read);

    public ReportMessage DiarySideEffect(SideEffectKind kind, SideEffectSeverity severity) =>
        Parse(Client.Send(Role.Patient, CommandTable.AddDiaryEntry, Build(w => { w.U8(2); w.U8((int)kind); w.U16((int)severity); })), ReportMessage.Read);

    public ReportMessage DiaryActivity(ActivityKind kind, int minutes) =>
        Parse(Client.Send(Role.Patient, CommandTable.AddDiaryEntry, Build(w => { w.U8(1); w.U8((int)kind); w.U16(minutes); })), ReportMessage.Read);

    public void Silence(Role role) => Client.Send(role, CommandTable.SilenceAlarms, Array.Empty<byte>());

    /// <summary>Opens the refill session; the answer is the residual the pump expects to be withdrawn (computed), nL.</summary>
    public long RefillBegin() => Parse(Client.Send(Role.Clinician, CommandTable.RefillBegin, Array.Empty<byte>()), r => r.I64("refill_begin.expected"));

    public RefillResultMessage RefillComplete(Nanoliters withdrawn, Nanoliters added, Drug drug, Nanoliters lowThreshold, bool confirmed) =>
        Parse(Client.Send(Role.Clinician, CommandTable.RefillComplete, Build(w =>
        {
            w.I64(withdrawn.Value);
            w.I64(added.Value);
            w.Text(drug.Name);
            w.U32((uint)drug.Concentration.Value);
            w.I64(lowThreshold.Value);
            w.U8(confirmed ? 1 : 0);
        })), RefillResultMessage.Read);

    /// <summary>Clinician reset: acknowledges every alarm, resets latches; true when the pump left alarm-stopped. Also the state after.</summary>
    public (bool Reset, int State) AlarmReset() => Parse(Client.Send(Role.Clinician, CommandTable.AlarmReset, Array.Empty<byte>()), r => (r.U8("alarm_reset.reset") == 1, r.U8("alarm_reset.state")));

    /// <summary>CATHETER-RELEARN-ON-REVISION: the catheter was revised; true when a learned baseline was discarded, and the checks the pump learns the new one from.</summary>
    public (bool Discarded, int Left) CatheterRevised() => Parse(Client.Send(Role.Clinician, CommandTable.CatheterRevised, Array.Empty<byte>()), r => (r.U8("catheter_revised.discarded") == 1, r.U8("catheter_revised.baseline_left")));

    public EventPageMessage ExportPage(Role role, uint from, int max) =>
        Parse(Client.Send(role, CommandTable.ExportLog, Build(w => { w.U32(from); w.U8(max); })), EventPageMessage.Read);

    /// <summary>The whole event log the device holds, oldest first, page by page.</summary>
    public List<LoggedEvent> ExportAll(Role role)
    {
        var events = new List<LoggedEvent>();
        uint from = 0;
        while (true)
        {
            var page = ExportPage(role, from, EventPageMessage.MaxEvents);
            for (int i = 0; i < page.Count; i++) events.Add(new LoggedEvent(page.Sequence[i], page.Kind[i], page.PumpTime[i], page.A[i], page.B[i], page.TimeOfDay[i]));
            if (page.Count == 0 || page.Newest == 0) break;
            uint last = page.Sequence[page.Count - 1];
            if (last >= page.Newest) break;
            from = last + 1;
        }
        return events;
    }

    public (TrialReport Report, bool Started) TrialReport(int reliefThresholdPercent) =>
        Parse(Client.Send(Role.Clinician, CommandTable.TrialReport, Build(w => w.U8(reliefThresholdPercent))), r => { var t = TrialReportMessage.Read(r, out bool started); return (t, started); });

    public ReportMessage ClockSync(Milliseconds timeOfDay) =>
        Parse(Client.Send(Role.Clinician, CommandTable.ClockSync, Build(w => w.U32((uint)timeOfDay.Value))), ReportMessage.Read);

    public ReportMessage Calibrate(long picolitersPerStep) =>
        Parse(Client.Send(Role.Service, CommandTable.Calibrate, Build(w => w.I64(picolitersPerStep))), ReportMessage.Read);

    /// <summary>PRESSURE-TWO-POINT-CAL: the board's zero and span points (output over supply, ppm) and the span's pressure.</summary>
    public ReportMessage CalibratePressure(int zeroPartsPerMillion, int spanPartsPerMillion, int spanPascals) =>
        Parse(Client.Send(Role.Service, CommandTable.PressureCalibrate, Build(w => { w.U32((uint)zeroPartsPerMillion); w.U32((uint)spanPartsPerMillion); w.U32((uint)spanPascals); })), ReportMessage.Read);

    /// <summary>A pressure reading now: the sensor's status, its raw reading (ppm) and the pascals it converts to.</summary>
    public (SensorStatus Status, int RatioPartsPerMillion, int Pascals) PressureRaw() =>
        Parse(Client.Send(Role.Service, CommandTable.PressureRaw, Array.Empty<byte>()), r =>
            ((SensorStatus)r.U8("pressure_raw.status"), (int)r.U32("pressure_raw.ratio_ppm"), unchecked((int)r.U32("pressure_raw.pascals"))));

    /// <summary>
    /// Asks the device to replace its key for <paramref name="role"/> with the key agreed from
    /// <paramref name="programmerPublic"/> (KeyAgreement); returns the device's confirmation tag.
    /// </summary>
    public byte[] ProvisionKey(Role role, byte[] programmerPublic) =>
        Parse(Client.Send(Role.Service, CommandTable.ProvisionKey, Build(w => { w.U8((int)role); w.Bytes(programmerPublic, 0, programmerPublic.Length); })), r =>
        {
            r.InRange("provision.role", r.U8("provision.role"), (int)role, (int)role);
            var tag = new byte[KeyRing.KeyBytes];
            r.Bytes("provision.confirmation", tag, 0, tag.Length);
            return tag;
        });
}

/// <summary>One exported event: its sequence number, kind, pump time and two values (docs/persistence.md says what they mean per kind), and the time of day the pump's clock showed when it was written (-1 before the pump's first clock sync).</summary>
public sealed record LoggedEvent(uint Sequence, int Kind, long PumpTime, long A, long B, long TimeOfDayMs = -1);
