#if NANOFRAMEWORK_1_0
// The library's own on-device tests (tests/nano/Therapy) inject a fault between review and commit and
// build a record with an undefined mode; the host build grants the same to OpenIdds.Tests (Firmware.csproj).
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("NFUnitTest")]
#endif
