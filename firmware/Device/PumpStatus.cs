using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>Everything `iddsctl status` shows, read from the type that owns each figure.</summary>
    public static class PumpStatus
    {
        public static StatusMessage Of(InfusionPump pump, Milliseconds now)
        {
            InfusionTherapy therapy = pump.Therapy;
            SafetySupervisor supervisor = pump.Supervisor;
            therapy.Tick(now);
            StatusMessage m = new StatusMessage();
            m.DeviceId = pump.DeviceId;
            m.State = (int)supervisor.State;
            m.Stage = (int)therapy.Configuration.Stage;
            m.PumpTime = now.Value;
            m.Prescription = therapy.Prescription;
            Milliseconds next;
            m.RateNow = supervisor.Delivering ? therapy.Profile.RateAt(now, out next).Value : 0;
            m.DailyDoseNanograms = therapy.CurrentDailyDose.Value;
            ReservoirMonitor reservoir = supervisor.Reservoir;
            m.ReservoirComputed = supervisor.ComputedReservoir.Value;
            m.ReservoirMeasuredValid = reservoir.HasMeasured;
            m.LevelSensorFitted = reservoir.SensorFitted;
            m.ReservoirMeasured = reservoir.Measured.Value;
            m.LowReservoirThreshold = supervisor.LowThreshold.Value;
            m.NextRefillAt = therapy.NextRefillAt(new Nanoliters(m.ReservoirComputed), now).Value;
            BatteryLifeMonitor battery = supervisor.Battery;
            m.Battery = battery.EndOfService ? 3 : battery.ElectiveReplacement ? 2 : battery.Low ? 1 : 0;
            int millivolts;
            pump.Hardware.Battery.Read(out millivolts);
            m.BatteryMillivolts = millivolts;
            m.RollingDoseNanograms = therapy.RollingDose.Value;
            m.PatientBolusesIn24Hours = therapy.PatientBolusesInLast24Hours(now);
            m.LastPatientBolus = therapy.LastPatientBolus.Value;
            PatientBolusSettings? pb = therapy.Prescription.PatientBolus;
            if (pb != null && !therapy.LastPatientBolus.IsNever) m.LockoutEndsAt = therapy.LastPatientBolus.Value + pb.Lockout.Value;
            m.TipArrival = therapy.TipArrival.Value;
            m.DeliveredNanograms = pump.Account.Given.Value;
            m.StepsTaken = supervisor.Pump.StepsTaken;
            m.StepsMissed = supervisor.Pump.StepsMissed;
            m.PicolitersPerStep = supervisor.Pump.Calibration.PicolitersPerStep;
            m.StepsUnconfirmed = pump.StepsRecorded > m.StepsTaken ? pump.StepsRecorded - m.StepsTaken : 0;
            m.StepsUnconfirmedPastRestarts = pump.RestartOvercount.Steps;
            m.PicolitersUnconfirmedPastRestarts = pump.RestartOvercount.Picoliters;
            m.DevelopmentKeys = pump.Keys.AnyDevelopmentKey;
            m.DevelopmentKeysMayDeliver = pump.Setup.DevelopmentKeysMayDeliver;
            m.RefillOpen = pump.RefillOpen;
            m.StorageValid = pump.StorageValid;
            if (supervisor.CatheterMonitored) CatheterCheck(m, supervisor.Catheter);
            AlarmSystem alarms = supervisor.Alarms;
            for (int i = 0; i < AlarmTable.Count && m.AlarmCount < StatusMessage.MaxAlarms; i++)
            {
                AlarmDefinition row = AlarmTable.At(i);
                if (!alarms.IsShown(row.Code)) continue;
                m.AlarmCodes[m.AlarmCount] = (int)row.Code;
                m.AlarmFlags[m.AlarmCount] = (row.Latched ? 1 : 0) | (alarms.IsQuiet(row.Code, now) ? 2 : 0) | (row.StopsDelivery ? 4 : 0) | ((int)row.Priority << 4);
                m.AlarmCount++;
            }
            return m;
        }

        private static void CatheterCheck(StatusMessage m, CatheterIntegrityMonitor check)
        {
            m.CatheterVerdict = (int)check.LastVerdict;
            m.CatheterCheckedAt = check.LastVerdictAt.Value;
            m.CatheterNextCheck = check.NextCheckDue.Value;
            m.CatheterRespiratoryPercent = check.RespiratoryPercent;
            m.CatheterCardiacPercent = check.CardiacPercent;
            m.CatheterRun = check.LastVerdict == CatheterCheckVerdict.RisingResistance ? check.KinkRun : check.LostRun;
            m.CatheterBaselineLeft = check.BaselineBurstsLeft;
            m.CatheterJudgedBands = (check.RespiratoryJudged ? 1 : 0) | (check.CardiacJudged ? 2 : 0);
            LineResistanceTrend line = check.Resistance;
            m.LineWindowAt = line.LastWindowAt.Value;
            m.LineRetentionPerMille = line.RetentionPerMille;
            m.LineBaselinePerMille = line.BaselinePerMille;
            m.LineRun = line.Run;
            m.LineBaselineLeft = line.BaselineWindowsLeft;
        }
    }
}
