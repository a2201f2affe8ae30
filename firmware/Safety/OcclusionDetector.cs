using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// OCCLUSION-BY-STROKE-RETENTION. At intrathecal rates a pressure threshold takes hours, so the
    /// detector watches what each stroke does to the line: a stroke into an open catheter raises the
    /// pressure by about its volume over the line compliance and drains away within a second or two; a
    /// stroke into a blocked line stays. At each stroke it compares the pressure just before it with the
    /// pressure just before the previous stroke, relative to that stroke's own jump (the retention).
    /// Only a run of <see cref="ConsecutiveStrokes"/> strokes that each stay (retention above one half)
    /// alarms: a posture change or a cough moves one interval, not four in a row. A pressure above
    /// <see cref="AbsoluteLimitPascals"/> alarms at once (the classic threshold, as a backstop).
    /// OCCLUSION-RELIEF counts what the line holds, the same way on both paths: every forward stroke
    /// since the line last showed that a stroke drained (a judged interval with retention at most one
    /// half), stroke by stroke however many a tick makes, up to <see cref="MaximumHeldStrokes"/>.
    /// </summary>
    public sealed class OcclusionDetector
    {
        /// <summary>Strokes in a row that must stay in the line. Four: at 0.1 mL/h with 250 nL strokes, 40 s of evidence.</summary>
        public const int ConsecutiveStrokes = 4;

        /// <summary>A stroke's jump must be this many pascals to be judged (4 x the 25 Pa sensor noise).</summary>
        public const int MinimumJumpPascals = 100;

        /// <summary>CADD-class downstream occlusion limit, 18 psi.</summary>
        public const int AbsoluteLimitPascals = 124000;

        /// <summary>
        /// Most strokes <see cref="HeldStrokes"/> counts (and relief reverses): 512 x 250 nL = 128 uL.
        /// A blocked line reaches the backstop from CSF pressure after (124,000 - 1,333) Pa x compliance
        /// / stroke volume: 491 strokes on the 1 nL/Pa trial line, 98 on the 0.2 nL/Pa implanted one,
        /// so the cap covers both. Only a line too compliant for any stroke to be judged (jumps under
        /// <see cref="MinimumJumpPascals"/>, above 2.5 nL/Pa) can hold more before the backstop.
        /// </summary>
        public const int MaximumHeldStrokes = 512;

        private bool _havePrevious;
        private int _previousBase;
        private int _previousJump;
        private int _run;
        private int _held;
        private bool _occluded;
        private int _baselineBeforeRun;

        /// <summary>True from the stroke that completed the evidence until <see cref="Reset"/>.</summary>
        public bool Occluded { get { return _occluded; } }

        /// <summary>
        /// Strokes whose volume the line may still hold (what pressure relief takes back): the forward
        /// strokes since the line last showed a stroke drained, capped at <see cref="MaximumHeldStrokes"/>.
        /// Counted whether the alarm comes from the retained run or from the absolute backstop.
        /// </summary>
        public int HeldStrokes { get { return _held; } }

        /// <summary>The line pressure before the retained strokes began: what relief aims for.</summary>
        public int BaselinePascals { get { return _baselineBeforeRun; } }

        /// <summary>
        /// One tick's evidence: the pressure just before and just after the tick's strokes, and how many
        /// forward strokes it made. Ticks without strokes change nothing but the absolute check.
        /// </summary>
        public void Observe(int beforePascals, int afterPascals, int strokes)
        {
            if (strokes > 0 && _havePrevious && _previousJump >= MinimumJumpPascals)
            {
                // Retention above one half, in integers: 2 x (now - previous base) > previous jump.
                if (2L * (beforePascals - _previousBase) > _previousJump)
                {
                    if (_run == 0) _baselineBeforeRun = _previousBase;
                    _run++;
                }
                else
                {
                    // The previous strokes drained: the line holds none of them.
                    _run = 0;
                    _held = 0;
                }
                if (_run >= ConsecutiveStrokes) _occluded = true;
            }
            Delivered(strokes);
            if (afterPascals >= AbsoluteLimitPascals) _occluded = true;
            if (strokes <= 0) return;
            _havePrevious = true;
            _previousBase = beforePascals;
            _previousJump = (afterPascals - beforePascals) / strokes;
        }

        /// <summary>
        /// Forward strokes the line has not shown to drain: counted into <see cref="HeldStrokes"/>.
        /// <see cref="Observe"/> calls it; the supervisor calls it alone for a tick whose pressure
        /// readings it could not use, so those strokes still count.
        /// </summary>
        public void Delivered(int strokes)
        {
            if (strokes <= 0) return;
            _held = strokes >= MaximumHeldStrokes - _held ? MaximumHeldStrokes : _held + strokes;
        }

        /// <summary>
        /// FULL-SCALE-IS-OCCLUSION: the sensor reads at or beyond its full scale while the pump delivers.
        /// The boards' 0-25 kPa gauge saturates far below <see cref="AbsoluteLimitPascals"/>, so for it the
        /// full scale is the backstop: a pressure it cannot show is a possible occlusion, never "no
        /// information" while delivery goes on. The tick's strokes count as held.
        /// </summary>
        public void AtFullScale(int strokes)
        {
            Delivered(strokes);
            _occluded = true;
        }

        /// <summary>After relief and a clinician reset: start collecting evidence afresh.</summary>
        public void Reset()
        {
            _havePrevious = false;
            _run = 0;
            _held = 0;
            _occluded = false;
        }
    }
}
