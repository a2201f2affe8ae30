using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// PRESSURE-TWO-POINT-CAL: the board's pressure calibration lives in the journal record, is handed to
    /// the board's sensor at every start, and is changed only by the service command, with the therapy
    /// stopped (a new line moves the occlusion detector's baseline). An alarm does not block it: an
    /// uncalibrated board may show a sensor fault precisely because it is uncalibrated. Bad points are
    /// refused by <see cref="PressureCalibrationCheck"/> and change nothing.
    /// </summary>
    public sealed class PressureCalibrationSetting
    {
        private readonly PumpStateRecord _record;
        private readonly ICalibratedPressureSensor? _sensor;
        private readonly InfusionTherapy _therapy;
        private readonly EventLog _events;
        private readonly DeliverySync _delivery;
        private readonly StateJournal _journal;

        /// <summary>Applies the journaled calibration, if any (<paramref name="recovered"/>), to the board's sensor.</summary>
        public PressureCalibrationSetting(PumpStateRecord record, IPressureSensor pressure, bool recovered, InfusionTherapy therapy, EventLog events, DeliverySync delivery, StateJournal journal)
        {
            _record = record;
            _sensor = pressure as ICalibratedPressureSensor;
            _therapy = therapy;
            _events = events;
            _delivery = delivery;
            _journal = journal;
            if (!recovered || record.PressureSpanPascals == 0)
            {
                Forget();
                return;
            }
            CheckReport report = new CheckReport();
            PressureCalibrationCheck.Check(record.PressureZeroPartsPerMillion, record.PressureSpanPartsPerMillion, record.PressureSpanPascals, report);
            if (!report.Accepted)
            {
                Forget();
                return;
            }
            if (_sensor != null) _sensor.Calibration = new PressureCalibration(record.PressureZeroPartsPerMillion, record.PressureSpanPartsPerMillion, record.PressureSpanPascals);
        }

        /// <summary>False on a board whose pressure sensor takes no calibration (none fitted).</summary>
        public bool Calibratable { get { return _sensor != null; } }

        /// <summary>True once a calibration has been set on this pump (journaled).</summary>
        public bool Set { get { return _record.PressureSpanPascals != 0; } }

        /// <summary>Reads the sensor now and gives its raw reading (output over supply, ppm) and the pascals it converts to.</summary>
        public SensorStatus ReadRaw(out int ratioPartsPerMillion, out int pascals)
        {
            ratioPartsPerMillion = 0;
            pascals = 0;
            if (_sensor == null) return SensorStatus.NotFitted;
            SensorStatus status = _sensor.Read(out pascals);
            ratioPartsPerMillion = _sensor.LastRatioPartsPerMillion;
            return status;
        }

        /// <summary>
        /// Checks the points and, if they pass and the therapy is stopped, sets them, logs them and
        /// journals them before answering (JOURNAL-BEFORE-EFFECT; the record is written either way, for
        /// the command's replay counter).
        /// </summary>
        public CheckReport Change(int zeroPartsPerMillion, int spanPartsPerMillion, int spanPascals, Milliseconds now)
        {
            CheckReport report = Apply(zeroPartsPerMillion, spanPartsPerMillion, spanPascals, now);
            _delivery.AfterCommand(now);
            _journal.Write(now, now);
            return report;
        }

        private CheckReport Apply(int zeroPartsPerMillion, int spanPartsPerMillion, int spanPascals, Milliseconds now)
        {
            DeliveryMode mode = _therapy.Prescription.Mode;
            CheckReport report = new CheckReport();
            if (_sensor == null)
            {
                report.Add(TherapyError.PressureSensorNotCalibratable, CheckOutcome.Refused, "pressure calibration on a board with no pressure sensor fitted; the limit is a fitted sensor");
                return report;
            }
            if (mode != DeliveryMode.Stopped)
            {
                report.Add(TherapyError.PumpNotStopped, CheckOutcome.Refused, "pressure calibration with mode " + DeliveryModeName.Of(mode) + "; the limit is stopped");
            }
            PressureCalibrationCheck.Check(zeroPartsPerMillion, spanPartsPerMillion, spanPascals, report);
            if (!report.Accepted) return report;
            _record.PressureZeroPartsPerMillion = zeroPartsPerMillion;
            _record.PressureSpanPartsPerMillion = spanPartsPerMillion;
            _record.PressureSpanPascals = spanPascals;
            _sensor.Calibration = new PressureCalibration(zeroPartsPerMillion, spanPartsPerMillion, spanPascals);
            _events.Append(EventKind.PressureCalibrated, now, (long)zeroPartsPerMillion * 10000000 + spanPartsPerMillion, spanPascals);
            return report;
        }

        private void Forget()
        {
            _record.PressureZeroPartsPerMillion = 0;
            _record.PressureSpanPartsPerMillion = 0;
            _record.PressureSpanPascals = 0;
        }
    }
}
