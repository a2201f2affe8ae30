namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// The message set, version 1: every command, the roles allowed to send it, and whether it must be
    /// authenticated. Every command but <see cref="Hello"/> is authenticated - reads too, so that a
    /// stranger on the line learns nothing but the device's identity and counters (docs/protocol.md)
    /// (COMMANDS-AUTHENTICATED).
    /// </summary>
    public static class CommandTable
    {
        public const int Hello = 0x00;
        public const int ReadStatus = 0x01;
        public const int RequestBolus = 0x10;
        public const int AddDiaryEntry = 0x11;
        public const int SilenceAlarms = 0x12;
        public const int Program = 0x20;
        public const int RefillBegin = 0x21;
        public const int RefillComplete = 0x22;
        public const int ClinicianBolus = 0x23;
        public const int AlarmReset = 0x24;
        public const int ExportLog = 0x25;
        public const int TrialReport = 0x26;
        public const int ClockSync = 0x27;
        public const int CatheterRevised = 0x28;
        public const int Calibrate = 0x30;
        public const int ProvisionKey = 0x31;
        public const int PressureCalibrate = 0x32;
        public const int PressureRaw = 0x33;

        private const int P = 1 << (int)Role.Patient;
        private const int C = 1 << (int)Role.Clinician;
        private const int S = 1 << (int)Role.Service;

        /// <summary>False for a code not in the message set.</summary>
        public static bool TryGet(int command, out int roles, out bool authenticated)
        {
            authenticated = true;
            switch (command)
            {
                case Hello: roles = P | C | S; authenticated = false; return true;
                case ReadStatus: roles = P | C | S; return true;
                case RequestBolus: roles = P; return true;
                case AddDiaryEntry: roles = P; return true;
                case SilenceAlarms: roles = P | C; return true;
                case Program: roles = C; return true;
                case RefillBegin: roles = C; return true;
                case RefillComplete: roles = C; return true;
                case ClinicianBolus: roles = C; return true;
                case AlarmReset: roles = C; return true;
                case ExportLog: roles = C | S; return true;
                case TrialReport: roles = C; return true;
                case ClockSync: roles = C; return true;
                case CatheterRevised: roles = C; return true;
                case Calibrate: roles = S; return true;
                case ProvisionKey: roles = S; return true;
                case PressureCalibrate: roles = S; return true;
                case PressureRaw: roles = S; return true;
                default: roles = 0; return false;
            }
        }

        /// <summary>True if <paramref name="role"/> may send <paramref name="command"/>.</summary>
        public static bool Allows(int command, Role role)
        {
            int roles;
            bool authenticated;
            return TryGet(command, out roles, out authenticated) && (roles & (1 << (int)role)) != 0;
        }

        /// <summary>
        /// True for commands whose only effect is an answer: their counters need not be journaled (a
        /// replay after a reset changes nothing). Every other authenticated command journals its counter
        /// with its effect (JOURNAL-BEFORE-EFFECT); ProtocolEndpointTests checks both halves.
        /// </summary>
        public static bool ReadOnly(int command)
        {
            return command == Hello || command == ReadStatus || command == ExportLog || command == TrialReport || command == PressureRaw;
        }

        public static string Name(int command)
        {
            switch (command)
            {
                case Hello: return "hello";
                case ReadStatus: return "read-status";
                case RequestBolus: return "request-bolus";
                case AddDiaryEntry: return "add-diary-entry";
                case SilenceAlarms: return "silence-alarms";
                case Program: return "program";
                case RefillBegin: return "refill-begin";
                case RefillComplete: return "refill-complete";
                case ClinicianBolus: return "clinician-bolus";
                case AlarmReset: return "alarm-reset";
                case ExportLog: return "export-log";
                case TrialReport: return "trial-report";
                case ClockSync: return "clock-sync";
                case CatheterRevised: return "catheter-revised";
                case Calibrate: return "calibrate";
                case ProvisionKey: return "provision-key";
                case PressureCalibrate: return "pressure-calibrate";
                case PressureRaw: return "pressure-raw";
                default: return "unknown";
            }
        }
    }
}
