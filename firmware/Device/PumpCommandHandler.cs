using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// Turns each authenticated command of the message set into a call on the pump and its answer
    /// into a payload (docs/protocol.md lists them). It parses before it acts: a payload that does not
    /// parse is answered BadPayload naming the field, and the pump is not touched.
    /// </summary>
    public sealed class PumpCommandHandler : IProtocolHandler
    {
        /// <summary>The firmware's version string, as Hello reports it.</summary>
        public const string FirmwareVersion = "openidds 0.9 (protocol 1)";

        private readonly InfusionPump _pump;

        public PumpCommandHandler(InfusionPump pump) { _pump = pump; }

        public ProtocolStatus Handle(int command, Role role, uint counter, PayloadReader request, PayloadWriter response)
        {
            switch (command)
            {
                case CommandTable.Hello: return Hello(request, response);
                case CommandTable.ReadStatus: return Status(request, response);
                case CommandTable.RequestBolus:
                    if (!request.AtEnd("request_bolus")) return ProtocolStatus.BadPayload;
                    ReportMessage.Write(response, _pump.RequestPatientBolus());
                    return ProtocolStatus.Ok;
                case CommandTable.AddDiaryEntry: return Diary(request, response);
                case CommandTable.SilenceAlarms:
                    if (!request.AtEnd("silence")) return ProtocolStatus.BadPayload;
                    _pump.SilenceAlarms();
                    return ProtocolStatus.Ok;
                case CommandTable.Program: return Program(request, response);
                case CommandTable.RefillBegin:
                    if (!request.AtEnd("refill_begin")) return ProtocolStatus.BadPayload;
                    response.I64(_pump.BeginRefill().Value);
                    return ProtocolStatus.Ok;
                case CommandTable.RefillComplete: return Refill(request, response);
                case CommandTable.ClinicianBolus: return ClinicianBolus(request, response);
                case CommandTable.AlarmReset:
                    if (!request.AtEnd("alarm_reset")) return ProtocolStatus.BadPayload;
                    response.U8(_pump.ClinicianReset() ? 1 : 0);
                    response.U8((int)_pump.Supervisor.State);
                    return ProtocolStatus.Ok;
                case CommandTable.CatheterRevised:
                    if (!request.AtEnd("catheter_revised")) return ProtocolStatus.BadPayload;
                    response.U8(_pump.CatheterRevised() ? 1 : 0);
                    response.U8(_pump.Supervisor.Catheter.BaselineBurstsLeft);
                    return ProtocolStatus.Ok;
                case CommandTable.ExportLog: return Export(request, response);
                case CommandTable.TrialReport:
                    {
                        int threshold = (int)request.InRange("trial_report.relief_threshold_percent", request.U8("trial_report.relief_threshold_percent"), 1, 100);
                        if (!request.AtEnd("trial_report")) return ProtocolStatus.BadPayload;
                        TrialReportMessage.Write(response, _pump.TrialReport(threshold), _pump.Diary.TrialStarted);
                        return ProtocolStatus.Ok;
                    }
                case CommandTable.ClockSync:
                    {
                        uint timeOfDay = request.U32("clock_sync.time_of_day_ms");
                        if (!request.AtEnd("clock_sync")) return ProtocolStatus.BadPayload;
                        ReportMessage.Write(response, _pump.SyncClock(new Milliseconds(timeOfDay)));
                        return ProtocolStatus.Ok;
                    }
                case CommandTable.Calibrate:
                    {
                        long picoliters = request.I64("calibrate.picoliters_per_step");
                        if (!request.AtEnd("calibrate")) return ProtocolStatus.BadPayload;
                        ReportMessage.Write(response, _pump.Calibrate(picoliters));
                        return ProtocolStatus.Ok;
                    }
                case CommandTable.ProvisionKey: return ProvisionKey(request, response);
                case CommandTable.PressureCalibrate: return PressureCalibrate(request, response);
                case CommandTable.PressureRaw: return PressureRaw(request, response);
                default:
                    request.Fail("command", CommandTable.Name(command) + " has no handler");
                    return ProtocolStatus.BadPayload;
            }
        }

        public void AuthenticationFailed(Role role, ProtocolStatus status, bool lockoutStarted, Milliseconds lockout)
        {
            _pump.Events.Append(EventKind.AuthenticationFailed, _pump.Now, (long)role, (long)status);
            if (lockoutStarted) _pump.Events.Append(EventKind.AuthenticationLockout, _pump.Now, (long)role, lockout.Value / Milliseconds.PerSecond);
        }

        private ProtocolStatus Hello(PayloadReader request, PayloadWriter response)
        {
            if (!request.AtEnd("hello")) return ProtocolStatus.BadPayload;
            HelloMessage m = new HelloMessage();
            m.DeviceId = _pump.DeviceId;
            m.Firmware = FirmwareVersion;
            m.Stage = (int)_pump.Therapy.Configuration.Stage;
            for (int i = 0; i < RoleName.Count; i++)
            {
                m.Counters[i] = _pump.ReplayCounters[i];
                if (!_pump.Keys.Provisioned((Role)i)) m.DevelopmentKeys |= 1 << i;
            }
            m.Write(response);
            return ProtocolStatus.Ok;
        }

        private ProtocolStatus Status(PayloadReader request, PayloadWriter response)
        {
            if (!request.AtEnd("read_status")) return ProtocolStatus.BadPayload;
            _pump.Status().Write(response);
            return ProtocolStatus.Ok;
        }

        private ProtocolStatus Diary(PayloadReader request, PayloadWriter response)
        {
            // kind 0 pain (value = score), 1 activity (value = kind, then minutes), 2 side effect (value = kind, then severity)
            int kind = (int)request.InRange("diary.kind", request.U8("diary.kind"), 0, 2);
            int value = request.U8(kind == 2 ? "diary.side_effect" : "diary.pain_or_activity");
            int minutes = request.U16(kind == 2 ? "diary.severity" : "diary.minutes");
            if (kind == 1) request.InRange("diary.activity", value, 0, (int)ActivityKind.Other);
            if (kind == 2) request.InRange("diary.side_effect", value, 0, SideEffectName.Count - 1);
            if (kind == 2) request.InRange("diary.severity", minutes, 1, 3);
            if (!request.AtEnd("diary")) return ProtocolStatus.BadPayload;
            CheckReport report;
            if (kind == 0) report = _pump.AddPain(value);
            else if (kind == 1) report = _pump.AddActivity((ActivityKind)value, minutes);
            else report = _pump.AddSideEffect((SideEffectKind)value, (SideEffectSeverity)minutes);
            ReportMessage.Write(response, report);
            return ProtocolStatus.Ok;
        }

        /// <summary>Program: flags (bit 0 confirmed, bit 1 review only), then the prescription. A review checks everything, changes nothing and opens the session its commit must close (COMMIT-WITHIN-SESSION).</summary>
        private ProtocolStatus Program(PayloadReader request, PayloadWriter response)
        {
            int flags = (int)request.InRange("program.flags", request.U8("program.flags"), 0, 3);
            Prescription? p = PrescriptionMessage.Read(request, "program.prescription");
            if (p == null || !request.AtEnd("program")) return ProtocolStatus.BadPayload;
            bool confirmed = (flags & 1) != 0;
            CheckReport report = (flags & 2) != 0 ? _pump.Review(p) : _pump.CommitReviewed(p, confirmed);
            ReportMessage.Write(response, report);
            response.I64(p.DailyDose.Value);
            // PROGRAMMED-AS-REVIEWED: a committed prescription is answered as the pump will run it, for
            // the programmer to compare with what the clinician reviewed.
            if ((flags & 2) == 0 && report.Accepted) PrescriptionMessage.Write(response, _pump.Therapy.Prescription);
            return ProtocolStatus.Ok;
        }

        private ProtocolStatus Refill(PayloadReader request, PayloadWriter response)
        {
            long withdrawn = request.I64("refill.withdrawn_nl");
            long added = request.I64("refill.added_nl");
            string drug = request.Text("refill.drug");
            long concentration = request.U32("refill.concentration_ug_per_ml");
            long low = request.I64("refill.low_reservoir_nl");
            int confirmed = (int)request.InRange("refill.confirmed", request.U8("refill.confirmed"), 0, 1);
            if (!request.AtEnd("refill")) return ProtocolStatus.BadPayload;
            RefillResult result = _pump.CompleteRefill(new Nanoliters(withdrawn), new Nanoliters(added), new Drug(drug, new MicrogramsPerMilliliter(concentration)), new Nanoliters(low), confirmed == 1);
            RefillResultMessage.Write(response, result);
            return ProtocolStatus.Ok;
        }

        private ProtocolStatus ClinicianBolus(PayloadReader request, PayloadWriter response)
        {
            uint dose = request.U32("clinician_bolus.dose_ug");
            uint duration = request.U32("clinician_bolus.duration_ms");
            int confirmed = (int)request.InRange("clinician_bolus.confirmed", request.U8("clinician_bolus.confirmed"), 0, 1);
            if (!request.AtEnd("clinician_bolus")) return ProtocolStatus.BadPayload;
            ReportMessage.Write(response, _pump.RequestClinicianBolus(new Micrograms(dose), new Milliseconds(duration), confirmed == 1));
            return ProtocolStatus.Ok;
        }

        /// <summary>Export: from sequence (u32), at most n events (u8); answers one page.</summary>
        private ProtocolStatus Export(PayloadReader request, PayloadWriter response)
        {
            uint from = request.U32("export.from_sequence");
            int max = (int)request.InRange("export.max_events", request.U8("export.max_events"), 1, EventPageMessage.MaxEvents);
            if (!request.AtEnd("export")) return ProtocolStatus.BadPayload;
            EventLog log = _pump.Events;
            EventPageMessage page = new EventPageMessage();
            page.Oldest = log.Oldest;
            page.Newest = log.Newest;
            uint s = from < log.Oldest ? log.Oldest : from;
            EventKind kind;
            Milliseconds at;
            long a, b, timeOfDay;
            while (s != 0 && s <= log.Newest && page.Count < max)
            {
                if (log.Read(s, out kind, out at, out timeOfDay, out a, out b))
                {
                    page.TimeOfDay[page.Count] = timeOfDay;
                    page.Sequence[page.Count] = s;
                    page.Kind[page.Count] = (int)kind;
                    page.PumpTime[page.Count] = at.Value;
                    page.A[page.Count] = a;
                    page.B[page.Count] = b;
                    page.Count++;
                }
                s++;
            }
            page.Write(response);
            return ProtocolStatus.Ok;
        }

        /// <summary>PressureCalibrate: zero point and span point (output over supply, ppm) and the span's pressure (Pa); the answer is a report (PRESSURE-TWO-POINT-CAL).</summary>
        private ProtocolStatus PressureCalibrate(PayloadReader request, PayloadWriter response)
        {
            int zero = Signed(request.U32("pressure_calibrate.zero_ppm"));
            int span = Signed(request.U32("pressure_calibrate.span_ppm"));
            int spanPascals = Signed(request.U32("pressure_calibrate.span_pa"));
            if (!request.AtEnd("pressure_calibrate")) return ProtocolStatus.BadPayload;
            ReportMessage.Write(response, _pump.CalibratePressure(zero, span, spanPascals));
            return ProtocolStatus.Ok;
        }

        /// <summary>PressureRaw: a reading now - the sensor status, the raw reading (ppm) the bench calibrates with, and its pascals.</summary>
        private ProtocolStatus PressureRaw(PayloadReader request, PayloadWriter response)
        {
            if (!request.AtEnd("pressure_raw")) return ProtocolStatus.BadPayload;
            int ratio, pascals;
            SensorStatus status = _pump.PressureCalibration.ReadRaw(out ratio, out pascals);
            response.U8((int)status);
            response.U32((uint)ratio);
            response.U32((uint)pascals);
            return ProtocolStatus.Ok;
        }

        private static int Signed(uint value) { return value > int.MaxValue ? int.MaxValue : (int)value; }

        /// <summary>ProvisionKey: the role and the programmer's X25519 public value; the answer is the role and the device's confirmation tag (KeyAgreement).</summary>
        private ProtocolStatus ProvisionKey(PayloadReader request, PayloadWriter response)
        {
            int role = (int)request.InRange("provision.role", request.U8("provision.role"), 0, RoleName.Count - 1);
            byte[] programmerPublic = new byte[X25519.Bytes];
            request.Bytes("provision.programmer_public", programmerPublic, 0, X25519.Bytes);
            if (!request.AtEnd("provision")) return ProtocolStatus.BadPayload;
            byte[] confirmation = new byte[KeyRing.KeyBytes];
            if (!_pump.ProvisionKey((Role)role, programmerPublic, confirmation))
            {
                request.Fail("provision", _pump.ProvisionRefusal);
                return ProtocolStatus.BadPayload;
            }
            response.U8(role);
            response.Bytes(confirmation, 0, confirmation.Length);
            return ProtocolStatus.Ok;
        }
    }
}
