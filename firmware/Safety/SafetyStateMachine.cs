namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// The explicit transition table of the safety supervisor. Every (state, trigger) pair not in the
    /// table is illegal and rejected without changing the state (ILLEGAL-TRANSITION-REJECTED); the
    /// table-driven test checks every pair, legal and illegal. Delivery (motor enabled) is allowed only
    /// in Running and Bolus.
    /// </summary>
    public sealed class SafetyStateMachine
    {
        public const int StateCount = 7;
        public const int TriggerCount = 11;

        // [state, trigger] -> next state, or -1 when illegal.
        private static readonly int[] Table = Build();

        private SafetyState _state = SafetyState.PowerOnSelfTest;

        public SafetyState State { get { return _state; } }

        /// <summary>True in the states where the motor may move.</summary>
        public bool MayDeliver { get { return _state == SafetyState.Running || _state == SafetyState.Bolus; } }

        /// <summary>The state <paramref name="trigger"/> leads to from <paramref name="from"/>; false if the pair is illegal.</summary>
        public static bool TryNext(SafetyState from, SafetyTrigger trigger, out SafetyState next)
        {
            int to = Table[(int)from * TriggerCount + (int)trigger];
            next = to < 0 ? from : (SafetyState)to;
            return to >= 0;
        }

        /// <summary>Fires <paramref name="trigger"/>: returns false and keeps the state if the transition is illegal.</summary>
        public bool Fire(SafetyTrigger trigger)
        {
            SafetyState next;
            if (!TryNext(_state, trigger, out next)) return false;
            _state = next;
            return true;
        }

        private static int[] Build()
        {
            int[] t = new int[StateCount * TriggerCount];
            for (int i = 0; i < t.Length; i++) t[i] = -1;
            Allow(t, SafetyState.PowerOnSelfTest, SafetyTrigger.SelfTestPassed, SafetyState.Stopped);
            Allow(t, SafetyState.PowerOnSelfTest, SafetyTrigger.SelfTestFailed, SafetyState.SafeState);

            Allow(t, SafetyState.Stopped, SafetyTrigger.Start, SafetyState.Running);
            Allow(t, SafetyState.Stopped, SafetyTrigger.CriticalFault, SafetyState.AlarmStopped);

            Allow(t, SafetyState.Running, SafetyTrigger.Stop, SafetyState.Stopped);
            Allow(t, SafetyState.Running, SafetyTrigger.BolusStart, SafetyState.Bolus);
            Allow(t, SafetyState.Running, SafetyTrigger.Suspend, SafetyState.Suspended);
            Allow(t, SafetyState.Running, SafetyTrigger.CriticalFault, SafetyState.AlarmStopped);

            Allow(t, SafetyState.Bolus, SafetyTrigger.BolusEnd, SafetyState.Running);
            Allow(t, SafetyState.Bolus, SafetyTrigger.Stop, SafetyState.Stopped);
            Allow(t, SafetyState.Bolus, SafetyTrigger.Suspend, SafetyState.Suspended);
            Allow(t, SafetyState.Bolus, SafetyTrigger.CriticalFault, SafetyState.AlarmStopped);

            Allow(t, SafetyState.Suspended, SafetyTrigger.Resume, SafetyState.Running);
            Allow(t, SafetyState.Suspended, SafetyTrigger.Stop, SafetyState.Stopped);
            Allow(t, SafetyState.Suspended, SafetyTrigger.CriticalFault, SafetyState.AlarmStopped);

            Allow(t, SafetyState.AlarmStopped, SafetyTrigger.ClinicianReset, SafetyState.Stopped);
            Allow(t, SafetyState.AlarmStopped, SafetyTrigger.CriticalFault, SafetyState.AlarmStopped);
            Allow(t, SafetyState.AlarmStopped, SafetyTrigger.SelfTestFailed, SafetyState.SafeState);

            Allow(t, SafetyState.SafeState, SafetyTrigger.ServiceReset, SafetyState.PowerOnSelfTest);
            Allow(t, SafetyState.SafeState, SafetyTrigger.CriticalFault, SafetyState.SafeState);
            return t;
        }

        private static void Allow(int[] table, SafetyState from, SafetyTrigger trigger, SafetyState to)
        {
            table[(int)from * TriggerCount + (int)trigger] = (int)to;
        }

        public static string StateName(SafetyState state)
        {
            switch (state)
            {
                case SafetyState.PowerOnSelfTest: return "power-on-self-test";
                case SafetyState.Stopped: return "stopped";
                case SafetyState.Running: return "running";
                case SafetyState.Bolus: return "bolus";
                case SafetyState.Suspended: return "suspended";
                case SafetyState.AlarmStopped: return "alarm-stopped";
                case SafetyState.SafeState: return "safe-state";
                default: return "unknown";
            }
        }

        public static string TriggerName(SafetyTrigger trigger)
        {
            switch (trigger)
            {
                case SafetyTrigger.SelfTestPassed: return "self-test-passed";
                case SafetyTrigger.SelfTestFailed: return "self-test-failed";
                case SafetyTrigger.Start: return "start";
                case SafetyTrigger.Stop: return "stop";
                case SafetyTrigger.BolusStart: return "bolus-start";
                case SafetyTrigger.BolusEnd: return "bolus-end";
                case SafetyTrigger.Suspend: return "suspend";
                case SafetyTrigger.Resume: return "resume";
                case SafetyTrigger.CriticalFault: return "critical-fault";
                case SafetyTrigger.ClinicianReset: return "clinician-reset";
                case SafetyTrigger.ServiceReset: return "service-reset";
                default: return "unknown";
            }
        }
    }
}
