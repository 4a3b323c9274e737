/*
 * A stand-in for Windows' bcryptprimitives.dll, for running the Windows build's tests under
 * Wine 8.0 (Debian 12's only Wine) and nothing else: it is never shipped.
 *
 * Rust's standard library (1.78 and later) asks `ProcessPrng` in bcryptprimitives.dll for
 * random bytes (HashMap seeds, among others). Windows 10 and later have it; Wine gained it in
 * 9.x, so under Wine 8.0 every Rust program exits before main with status 53 ("Library
 * bcryptprimitives.dll ... not found"). This DLL gives it `ProcessPrng`, answered by
 * `RtlGenRandom` (advapi32's SystemFunction036), the system's generator Wine has long had.
 * scripts/test-windows builds it with mingw and copies it into the private Wine prefix only.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* Like the real one: fills the buffer and always succeeds (it cannot fail on Windows). */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
