using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Protocol
{
    /// <summary>What carries out a command that passed framing, role and authentication (the pump's command handler).</summary>
    public interface IProtocolHandler
    {
        /// <summary>Reads the command's payload and writes its answer: Ok, or BadPayload with the field named in the answer. Nothing may change on BadPayload.</summary>
        ProtocolStatus Handle(int command, Role role, uint counter, PayloadReader request, PayloadWriter response);

        /// <summary>An authentication failure (bad MAC, replay, wrong role) for the log; <paramref name="lockoutStarted"/> when it began a lockout.</summary>
        void AuthenticationFailed(Role role, ProtocolStatus status, bool lockoutStarted, Milliseconds lockout);
    }

    /// <summary>
    /// The device side of the command protocol over the serial link. It reads bytes as they come,
    /// cuts frames at 0x00, and checks each in a fixed order - COBS, length, CRC, version, command,
    /// role, rate limit, HMAC, replay counter - answering the first failure with its own status and
    /// changing nothing (BAD-FRAME-CHANGES-NOTHING). Answers that no valid key sealed are rate-limited
    /// (KEYLESS-ANSWERS-RATE-LIMITED) and the bytes read per tick bounded (PROTOCOL-WORK-BOUNDED). Only a frame that passes them all reaches the
    /// handler, and its answer is authenticated under the same role key. Buffers are allocated once;
    /// a stream of garbage can neither crash it nor make it allocate.
    /// </summary>
    public sealed class ProtocolEndpoint
    {
        /// <summary>
        /// COUNTER-WINDOW: a counter more than this above the newest accepted for its role is refused
        /// (CounterAhead). Hello is unauthenticated, so a forger could tell the programmer a counter
        /// near 2^32; one validly signed command there would leave no counter above it, and the role
        /// locked out for good. A real programmer sends the next one (two racing programmers, a few more).
        /// </summary>
        public const uint MaxCounterAdvance = 1000;

        private readonly ISerialLink _link;
        private readonly IMonotonicClock _clock;
        private readonly KeyRing _keys;
        private readonly uint[] _counters;
        private readonly IProtocolHandler _handler;
        private readonly AuthFailureLimiter[] _limiters = new AuthFailureLimiter[RoleName.Count];
        private readonly AuthFailureLimiter _keylessLimiter = new AuthFailureLimiter();
        private readonly AnswerBudget _keylessAnswers = new AnswerBudget();
        private readonly AnswerBudget _helloAnswers = new AnswerBudget();

        private readonly byte[] _rx = new byte[Frame.MaxEncoded];
        private int _rxLength;
        private bool _rxOverflow;
        private readonly byte[] _readChunk = new byte[256];
        private readonly byte[] _frame = new byte[Frame.MaxFrame];
        private readonly byte[] _answer = new byte[Frame.MaxFrame];
        private readonly byte[] _encoded = new byte[Frame.MaxEncoded + 1];
        private readonly byte[] _tag = new byte[Frame.MacBytes];
        private readonly PayloadReader _reader;
        private readonly PayloadWriter _writer;

        public ProtocolEndpoint(ISerialLink link, IMonotonicClock clock, KeyRing keys, uint[] counters, IProtocolHandler handler)
        {
            _link = link;
            _clock = clock;
            _keys = keys;
            _counters = counters;
            _handler = handler;
            for (int i = 0; i < _limiters.Length; i++) _limiters[i] = new AuthFailureLimiter();
            _reader = new PayloadReader(_frame, 0, 0);
            _writer = new PayloadWriter(_answer, Frame.ResponseHeaderBytes, Frame.MaxPayload);
        }

        public KeyRing Keys { get { return _keys; } }
        /// <summary>The failure limiter of a role's bad MACs and replays (AUTH-FAILURES-RATE-LIMITED, one per role).</summary>
        public AuthFailureLimiter LimiterOf(Role role) { return _limiters[(int)role]; }

        /// <summary>Frames answered Ok / refused, since start-up.</summary>
        public long FramesAccepted { get; private set; }
        public long FramesRefused { get; private set; }

        /// <summary>Frames no valid key sealed that were dropped unanswered (KEYLESS-ANSWERS-RATE-LIMITED).</summary>
        public long FramesDropped { get; private set; }

        /// <summary>Bytes sent on the link since start-up, answers of every kind.</summary>
        public long AnswerBytes { get; private set; }

        /// <summary>The status of the last frame answered.</summary>
        public ProtocolStatus LastStatus { get; private set; }

        /// <summary>
        /// PROTOCOL-WORK-BOUNDED: at most <see cref="MaxBytesPerPoll"/> bytes a tick (two frames of the
        /// largest size), so the MACs checked and the answers sent in one tick are bounded whatever the
        /// line carries; the rest waits in the link for the next tick, and a due step goes first.
        /// </summary>
        public const int MaxBytesPerPoll = 2 * (Frame.MaxEncoded + 1);

        /// <summary>Reads what the link holds, up to <see cref="MaxBytesPerPoll"/>, and handles every complete frame in it.</summary>
        public void Poll()
        {
            int read = 0;
            while (read < MaxBytesPerPoll)
            {
                int want = MaxBytesPerPoll - read < _readChunk.Length ? MaxBytesPerPoll - read : _readChunk.Length;
                int n = _link.Read(_readChunk, 0, want);
                if (n <= 0) return;
                read += n;
                Receive(_readChunk, 0, n);
            }
        }

        /// <summary>Takes received bytes (the link's, or a test's): a 0x00 ends a frame.</summary>
        public void Receive(byte[] data, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                byte b = data[i];
                if (b == 0)
                {
                    if (_rxLength > 0 || _rxOverflow) Process();
                    _rxLength = 0;
                    _rxOverflow = false;
                    continue;
                }
                if (_rxLength < _rx.Length) _rx[_rxLength++] = b;
                else _rxOverflow = true;
            }
        }

        private void Process()
        {
            if (_rxOverflow)
            {
                if (!Dropped()) Refuse(ProtocolStatus.Oversize, 0, 0, 0, 0, "frame longer than " + Frame.MaxEncoded.ToString() + " bytes on the wire (the limit); it was dropped");
                return;
            }
            int length = Cobs.Decode(_rx, _rxLength, _frame);
            if (length < 0) { if (!Dropped()) Refuse(ProtocolStatus.Malformed, 0, 0, 0, 0, "COBS stuffing is broken; the frame was dropped"); return; }
            if (length < Frame.MinRequest) { if (!Dropped()) Refuse(ProtocolStatus.Truncated, 0, 0, 0, 0, "frame of " + length.ToString() + " bytes is below the limit " + Frame.MinRequest.ToString() + " (header, MAC and CRC)"); return; }
            if (!Frame.CrcHolds(_frame, length)) { if (!Dropped()) Refuse(ProtocolStatus.BadCrc, 0, 0, 0, 0, "CRC-16 does not match: line noise or a damaged frame; send it again"); return; }

            int version = _frame[0];
            int sequence = Frame.GetU16(_frame, 2);
            int role = _frame[4];
            int command = _frame[5];
            uint counter = Frame.GetU32(_frame, 6);
            int payloadLength = Frame.GetU16(_frame, 10);
            if (version != Frame.Version) { if (!Dropped()) Refuse(ProtocolStatus.UnsupportedVersion, sequence, role, command, counter, "protocol version " + version.ToString() + " is not the device's " + Frame.Version.ToString()); return; }
            if (_frame[1] != Frame.RequestType) { if (!Dropped()) Refuse(ProtocolStatus.Malformed, sequence, role, command, counter, "frame type " + _frame[1].ToString() + " is not a request (0)"); return; }
            int expected = Frame.RequestHeaderBytes + payloadLength + Frame.MacBytes + Frame.CrcBytes;
            if (payloadLength > Frame.MaxPayload) { if (!Dropped()) Refuse(ProtocolStatus.Oversize, sequence, role, command, counter, "payload length " + payloadLength.ToString() + " is above the limit " + Frame.MaxPayload.ToString()); return; }
            if (length < expected) { if (!Dropped()) Refuse(ProtocolStatus.Truncated, sequence, role, command, counter, "frame of " + length.ToString() + " bytes is shorter than its stated payload needs (" + expected.ToString() + ")"); return; }
            if (length > expected) { if (!Dropped()) Refuse(ProtocolStatus.Malformed, sequence, role, command, counter, "frame of " + length.ToString() + " bytes is longer than its stated payload needs (" + expected.ToString() + ")"); return; }

            int roles;
            bool authenticated;
            if (!CommandTable.TryGet(command, out roles, out authenticated)) { if (!Dropped()) Refuse(ProtocolStatus.UnknownCommand, sequence, role, command, counter, "command 0x" + Hex(command) + " is not in message set version " + Frame.Version.ToString()); return; }
            Milliseconds now = new Milliseconds(_clock.ElapsedMilliseconds);
            if (role >= RoleName.Count || (roles & (1 << role)) == 0)
            {
                AuthenticationFailure(ProtocolStatus.WrongRole, role, now, _keylessLimiter);
                if (!Dropped()) Refuse(ProtocolStatus.WrongRole, sequence, role, command, counter, "role " + (role < RoleName.Count ? RoleName.Of((Role)role) : role.ToString()) + " may not send " + CommandTable.Name(command));
                return;
            }
            HmacSha256? mac = null;
            if (authenticated)
            {
                // VALID-KEY-NEVER-LOCKED-OUT: no count of failures refuses a frame whose MAC holds, so a
                // sender without a key cannot deny a role its commands; 2^256 keys need no guess limit.
                AuthFailureLimiter limiter = _limiters[role];
                mac = _keys.Mac((Role)role);
                int macAt = Frame.RequestHeaderBytes + payloadLength;
                if (!Frame.MacHolds(_frame, macAt, mac, _tag))
                {
                    AuthenticationFailure(ProtocolStatus.BadMac, role, now, limiter);
                    if (!Dropped()) Refuse(ProtocolStatus.BadMac, sequence, role, command, counter, "HMAC does not verify under the device's " + RoleName.Of((Role)role) + " key" + (_keys.Provisioned((Role)role) ? "" : " (the development key)"));
                    return;
                }
                // The MAC held, so these two refusals are sealed under the role's key: the programmer acts
                // on them (it re-reads the counter), so a forger on the line must not be able to fake them.
                // REPLAY-COUNTER: a captured frame played again carries a used counter, so it is refused.
                if (counter <= _counters[role])
                {
                    AuthenticationFailure(ProtocolStatus.Replay, role, now, limiter);
                    if (!Dropped()) Refuse(ProtocolStatus.Replay, sequence, role, command, counter, "counter " + counter.ToString() + " is not above the last accepted " + _counters[role].ToString() + " for " + RoleName.Of((Role)role), mac);
                    return;
                }
                if (counter - _counters[role] > MaxCounterAdvance)
                {
                    _handler.AuthenticationFailed((Role)role, ProtocolStatus.CounterAhead, false, limiter.NextLockout);
                    if (!Dropped()) Refuse(ProtocolStatus.CounterAhead, sequence, role, command, counter, "counter " + counter.ToString() + " is more than " + MaxCounterAdvance.ToString() + " above the last accepted " + _counters[role].ToString() + " for " + RoleName.Of((Role)role) + " (the limit): the counter the programmer was told is not the device's", mac);
                    return;
                }
                limiter.Succeeded();
                _counters[role] = counter;
            }

            // Hello has a bucket of its own: garbage that empties the refusals' bucket does not keep a programmer from starting.
            if (!authenticated && !_helloAnswers.Take(now))
            {
                FramesDropped++;
                return;
            }
            _reader.Reset(_frame, Frame.RequestHeaderBytes, payloadLength);
            _writer.Reset(Frame.ResponseHeaderBytes, Frame.MaxPayload);
            ProtocolStatus status = _handler.Handle(command, (Role)role, counter, _reader, _writer);
            if (status != ProtocolStatus.Ok)
            {
                _writer.Reset(Frame.ResponseHeaderBytes, Frame.MaxPayload);
                _writer.Text(_reader.FailedField.Length > 0 ? _reader.FailedField + ": " + _reader.FailedWhy : "the payload does not parse");
            }
            Answer(status, sequence, role, command, counter, mac);
        }

        /// <summary>
        /// AUTH-FAILURES-RATE-LIMITED, per role: a role's bad MACs and replays count in its own limiter,
        /// wrong-role frames (which need no key) in a separate one, so keyless frames never quiet or
        /// lock a role. During a limiter's lockout its failures are not logged: a flood writes at most
        /// <see cref="AuthFailureLimiter.FailuresAllowed"/> + 1 failure lines and a lockout line per
        /// lockout per limiter, not one per frame.
        /// </summary>
        private void AuthenticationFailure(ProtocolStatus status, int role, Milliseconds now, AuthFailureLimiter limiter)
        {
            if (limiter.LockedOut(now)) return;
            bool started = limiter.Failed(now);
            _handler.AuthenticationFailed(role < RoleName.Count ? (Role)role : Role.Patient, status, started, limiter.NextLockout);
        }

        /// <summary>KEYLESS-ANSWERS-RATE-LIMITED: takes an answer from the budget, or counts the frame dropped (true) before any text is built.</summary>
        private bool Dropped()
        {
            if (_keylessAnswers.Take(new Milliseconds(_clock.ElapsedMilliseconds))) return false;
            FramesDropped++;
            return true;
        }

        private void Refuse(ProtocolStatus status, int sequence, int role, int command, uint counter, string why)
        {
            Refuse(status, sequence, role, command, counter, why, null);
        }

        private void Refuse(ProtocolStatus status, int sequence, int role, int command, uint counter, string why, HmacSha256? mac)
        {
            _writer.Reset(Frame.ResponseHeaderBytes, Frame.MaxPayload);
            _writer.Text(why);
            Answer(status, sequence, role, command, counter, mac);
        }

        /// <summary>Seals the answer in <c>_answer</c> (payload already written) and sends it, stuffed and ended by 0x00.</summary>
        private void Answer(ProtocolStatus status, int sequence, int role, int command, uint counter, HmacSha256? mac)
        {
            LastStatus = status;
            if (status == ProtocolStatus.Ok) FramesAccepted++; else FramesRefused++;
            Frame.ResponseHeader(_answer, sequence, role, command, counter, status);
            int length = Frame.Seal(_answer, Frame.ResponseHeaderBytes, _writer.Length, mac);
            int encoded = Cobs.Encode(_answer, 0, length, _encoded);
            if (encoded < 0) return;
            _encoded[encoded] = 0;
            AnswerBytes += encoded + 1;
            _link.Write(_encoded, 0, encoded + 1);
        }

        private static string Hex(int value)
        {
            const string digits = "0123456789ABCDEF";
            return new string(new char[] { digits[(value >> 4) & 0xF], digits[value & 0xF] });
        }
    }
}
