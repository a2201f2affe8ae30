using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// An event's two values in words, per kind (the table in docs/persistence.md): what the log
    /// export and the simulator's event log print beside the raw numbers.
    /// </summary>
    public static class EventText
    {
        public static string Describe(EventKind kind, long a, long b)
        {
            switch (kind)
            {
                case EventKind.HourlyDelivery: return a.ToString() + " steps, " + new Nanograms(b).ToString() + " at the tip";
                case EventKind.BolusGranted: return Who(a) + " bolus of " + new Nanoliters(b).ToString();
                case EventKind.BolusRefused: return Who(a) + " bolus refused: " + TherapyErrorName.Of((TherapyError)b);
                case EventKind.StoppedHold: return "therapy held stopped for " + Duration(a);
                case EventKind.BolusBlockedByAlarm: return Who(a) + " bolus refused: alarm " + Alarm(b) + " is shown";
                case EventKind.AlarmRaised:
                case EventKind.AlarmCleared:
                case EventKind.AlarmSilenced:
                case EventKind.AlarmAcknowledged:
                case EventKind.AlarmReannunciated:
                case EventKind.TherapyStoppedByAlarm:
                case EventKind.AlarmSilenceRefused:
                    return Alarm(a);
                case EventKind.BolusAbandoned: return a.ToString() + " bolus(es) running at the power-off abandoned";
                case EventKind.RefusedValue: return RefusalValueText.Describe(a, b);
                case EventKind.SilencePressed: return a.ToString() + " alarm(s) paused";
                // DOSE-TO-THE-NANOGRAM: ziconotide's 0.6 ug/day reads "0.600 ug", never "0 ug".
                case EventKind.TherapyRestored:
                case EventKind.Programmed: return DeliveryModeName.Of((DeliveryMode)a) + ", daily dose " + new Nanograms(b).ToString();
                case EventKind.Refill: return new Nanoliters(a).ToString() + " at " + b.ToString() + " ug/mL";
                case EventKind.Reset: return "records vouch for " + a.ToString() + " steps; cause " + ResetCauseName(b);
                case EventKind.DiaryEntry: return a >= 0 ? "pain " + a.ToString() : "activity kind " + (b >> 16).ToString() + " for " + (b & 0xFFFF).ToString() + " min";
                case EventKind.DiarySideEffect: return SideEffectSeverityName.Of((SideEffectSeverity)b) + " " + SideEffectName.Of((SideEffectKind)a);
                case EventKind.StorageFault: return a.ToString() + " damaged records";
                case EventKind.ProgrammingRefused:
                case EventKind.Clamped:
                case EventKind.Confirmed:
                    return TherapyErrorName.Of((TherapyError)b);
                case EventKind.RefillDiscrepancy: return (a < 0 ? "all" : (a / 10).ToString() + "." + (a % 10).ToString() + " %") + " (" + TherapyErrorName.Of((TherapyError)b) + ")";
                case EventKind.NewDrugAtTip: return b.ToString() + " ug/mL at the tip";
                case EventKind.AuthenticationFailed: return RoleText(a) + ", status " + b.ToString();
                case EventKind.AuthenticationLockout: return RoleText(a) + ", locked for " + b.ToString() + " s";
                case EventKind.ClockSynced: return "time of day at zero " + new Milliseconds(a).ToString();
                case EventKind.Calibrated: return a.ToString() + " pL/step";
                case EventKind.PressureCalibrated: return "zero " + (a / 10000000).ToString() + " ppm, span " + (a % 10000000).ToString() + " ppm at " + b.ToString() + " Pa";
                case EventKind.KeyProvisioned: return RoleText(a) + " key replaced";
                case EventKind.ClinicianReset: return a == 1 ? "left alarm-stopped" : "alarms acknowledged";
                case EventKind.CatheterCheck: return CatheterCheckText.DescribeEvent(a, b);
                case EventKind.LineResistance: return LineResistanceText.DescribeEvent(a, b);
                case EventKind.CatheterRevised: return (a == 1 ? "learned baseline discarded" : "no baseline learned yet") + "; the catheter check learns this patient's baseline from the next " + CatheterIntegrityMonitor.BaselineBursts.ToString() + " checks";
                default: return "a=" + a.ToString() + " b=" + b.ToString();
            }
        }

        /// <summary>"2 h 30 min" style: a clinician reads hours and minutes, not milliseconds.</summary>
        private static string Duration(long milliseconds)
        {
            long minutes = milliseconds / Milliseconds.PerMinute;
            long hours = minutes / 60;
            if (hours == 0) return minutes.ToString() + " min";
            return minutes % 60 == 0 ? hours.ToString() + " h" : hours.ToString() + " h " + (minutes % 60).ToString() + " min";
        }

        private static string Who(long a) { return a == 1 ? "patient" : a == 2 ? "clinician" : "unknown"; }

        private static string Alarm(long code)
        {
            for (int i = 0; i < AlarmTable.Count; i++) if ((long)AlarmTable.At(i).Code == code) return AlarmTable.At(i).Name;
            return "alarm " + code.ToString();
        }

        private static string RoleText(long role) { return role == 0 ? "patient" : role == 1 ? "clinician" : role == 2 ? "service" : "role " + role.ToString(); }

        private static string ResetCauseName(long cause)
        {
            switch ((ResetCause)cause)
            {
                case ResetCause.PowerOn: return "power-on";
                case ResetCause.Watchdog: return "watchdog";
                case ResetCause.BrownOut: return "brown-out";
                default: return cause.ToString();
            }
        }
    }
}
