using System;
using System.Threading;
using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards
{
    /// <summary>
    /// The main loop every board runs, nanoFramework and Linux alike: tick the pump when it is due,
    /// sleep until <see cref="InfusionPump.NextWake"/>. While an alarm sounds it sleeps in 25 ms slices
    /// so the pattern's 150 ms pulses keep their shape; otherwise it sleeps straight through to the
    /// next step or check, but never longer than <see cref="LinkSliceMilliseconds"/> (LINK-ANSWERED-PROMPTLY).
    /// In a bench run it starts <see cref="BenchPrescription"/> once, as soon as the
    /// self-test has passed on a first start. Nothing here allocates once running.
    /// </summary>
    public sealed class BoardLoop
    {
        /// <summary>The alarm pattern's slice: well under its 150 ms pulses.</summary>
        public const int PatternSliceMilliseconds = 25;

        /// <summary>
        /// LINK-ANSWERED-PROMPTLY: the pump reads its programmer link when it ticks, and a stopped pump's
        /// next step or check can be 30 s away, so the loop ticks at least this often: a command is
        /// answered within 0.1 s, never after the programmer has timed out.
        /// </summary>
        public const int LinkSliceMilliseconds = 100;

        private readonly InfusionPump _pump;
        private readonly PatternAnnunciator _annunciator;
        private readonly IMonotonicClock _boardClock;
        private bool _benchPending;
        private long _wake = long.MinValue;
        private long _lastTick = long.MinValue;

        /// <param name="boardClock">The clock the annunciator runs on (the board's; the pump's own runs on pump time).</param>
        /// <param name="bench">Start the bench prescription after the self-test (BENCH build, Linux --bench).</param>
        public BoardLoop(InfusionPump pump, PatternAnnunciator annunciator, IMonotonicClock boardClock, bool bench)
        {
            _pump = pump;
            _annunciator = annunciator;
            _boardClock = boardClock;
            _benchPending = bench;
        }

        /// <summary>The independent motor cut's trigger where the board has one (MOTOR-CUT-HEARTBEAT): beaten at every tick.</summary>
        public MotorCutHeartbeat? MotorCut { get; set; }

        /// <summary>What the bench start answered (null until it ran): printed, and kept for tests.</summary>
        public string? BenchOutcome { get; private set; }

        /// <summary>Never returns: the board's life.</summary>
        public void Run()
        {
            while (true)
            {
                int sleep = Poll();
                if (sleep > 0) Thread.Sleep(sleep);
            }
        }

        /// <summary>Does what is due now; returns how many milliseconds the board may sleep.</summary>
        public int Poll()
        {
            long now = _pump.Clock.ElapsedMilliseconds;
            if (now >= _wake || now - _lastTick >= LinkSliceMilliseconds)
            {
                _pump.Tick();
                _lastTick = now;
                if (MotorCut != null) MotorCut.Beat(_pump);
                if (_benchPending && _pump.Supervisor.State != SafetyState.PowerOnSelfTest) StartBench();
                _wake = _pump.NextWake.Value;
                now = _pump.Clock.ElapsedMilliseconds;
            }
            long sleep = _wake - now;
            if (sleep > LinkSliceMilliseconds - (now - _lastTick)) sleep = LinkSliceMilliseconds - (now - _lastTick);
            if (_annunciator.Priority != AlarmPriority.None)
            {
                _annunciator.Update(_boardClock.ElapsedMilliseconds);
                if (sleep > PatternSliceMilliseconds) sleep = PatternSliceMilliseconds;
            }
            return sleep < 0 ? 0 : (int)sleep;
        }

        private void StartBench()
        {
            _benchPending = false;
            if (!BenchPrescription.Due(_pump))
            {
                BenchOutcome = "BENCH: not started - the pump resumed its journaled therapy or an alarm holds it; iddsctl status says which";
            }
            else
            {
                Firmware.Therapy.CheckReport report = BenchPrescription.Start(_pump);
                BenchOutcome = report.Accepted
                    ? "BENCH: morphine 1000 ug/mL at 100 uL/h programmed (the line is primed first)"
                    : "BENCH: refused - " + report.ToString();
            }
            Console.WriteLine(BenchOutcome);
        }
    }
}
