using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// KEYLESS-ANSWERS-RATE-LIMITED: answers to frames that no valid key sealed (refusals of garbage,
    /// bad MACs, replays, Hello) come from a bucket of <see cref="Burst"/> that refills one every
    /// <see cref="Refill"/>. A frame that finds it empty is dropped unanswered. On a board the UART
    /// sends at line rate, so a refusal of about 110 bytes for every 2-byte frame of noise would keep
    /// the control loop writing for tens of seconds per pass; with the bucket the answer bytes of any
    /// flood are at most about 4 answers a second, and a due step is never held up by them.
    /// </summary>
    public sealed class AnswerBudget
    {
        public const int Burst = 8;
        public static readonly Milliseconds Refill = new Milliseconds(250);

        private int _tokens = Burst;
        private long _refilledAt = long.MinValue;

        /// <summary>Takes one answer from the bucket at <paramref name="now"/>; false when it is empty.</summary>
        public bool Take(Milliseconds now)
        {
            if (_refilledAt == long.MinValue || now.Value < _refilledAt) _refilledAt = now.Value;
            long earned = (now.Value - _refilledAt) / Refill.Value;
            if (earned > 0)
            {
                _tokens = earned >= Burst - _tokens ? Burst : _tokens + (int)earned;
                _refilledAt += earned * Refill.Value;
            }
            if (_tokens == 0) return false;
            _tokens--;
            return true;
        }
    }
}
