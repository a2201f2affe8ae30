using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// CATHETER-CHECK-LOGGED: every catheter integrity check (and every skipped one) writes one
    /// catheter-check event with its evidence - the band energies against the patient's baseline, the
    /// verdict, and when the next check is due - so the log shows what the alarms were raised on, and
    /// what the check saw when it raised nothing; and every LINE-RESISTANCE-RISE window writes one
    /// line-resistance event (its share of a stroke left after 0.5 s against the patient's baseline).
    /// The check that completes the baseline asks for a journal record, which keeps it across resets
    /// (CATHETER-BASELINE-KEPT).
    /// </summary>
    public sealed class CatheterCheckLog
    {
        private readonly SafetySupervisor _supervisor;
        private readonly EventLog _events;
        private readonly JournalRequest _journal;
        private Milliseconds _logged = Milliseconds.Never;
        private Milliseconds _windowLogged = Milliseconds.Never;

        public CatheterCheckLog(SafetySupervisor supervisor, EventLog events, JournalRequest journal)
        {
            _supervisor = supervisor;
            _events = events;
            _journal = journal;
        }

        public void Update(Milliseconds now)
        {
            if (!_supervisor.CatheterMonitored) return;
            CatheterIntegrityMonitor check = _supervisor.Catheter;
            LineResistanceTrend line = check.Resistance;
            if (line.LastWindowAt != _windowLogged)
            {
                _windowLogged = line.LastWindowAt;
                long toNext = (line.WindowOpens.Value - now.Value) / Milliseconds.PerMinute;
                if (!line.LastWindowAt.IsNever) _events.Append(EventKind.LineResistance, now, LineResistanceText.PackEvidence(line.RetentionPerMille, line.BaselinePerMille, line.Run, line.BaselineWindowsLeft), toNext < 0 ? 0 : toNext);
            }
            if (check.LastVerdictAt == _logged) return;
            _logged = check.LastVerdictAt;
            CatheterCheckVerdict verdict = check.LastVerdict;
            if (verdict == CatheterCheckVerdict.None) return;
            int run = verdict == CatheterCheckVerdict.RisingResistance ? check.KinkRun : check.LostRun;
            long minutes = (check.NextCheckDue.Value - now.Value) / Milliseconds.PerMinute;
            long evidence = CatheterCheckText.PackEvidence(check.RespiratoryPercent, check.CardiacPercent, run, check.BaselineBurstsLeft, check.RespiratoryJudged, check.CardiacJudged);
            _events.Append(EventKind.CatheterCheck, now, evidence, CatheterCheckText.PackVerdict(verdict, minutes < 0 ? 0 : minutes));
            if (verdict == CatheterCheckVerdict.Learning && check.BaselineLearned) _journal.Ask();
        }
    }
}
