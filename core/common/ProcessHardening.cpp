// Start-up hardening: on Linux not dumpable and no core files (prctl, rlimit); Windows has no per-process
// "not dumpable" flag, so there the process at least ends on heap corruption and shows no crash dialog that
// would keep its memory around (crash dumps are governed by the machine's Windows Error Reporting policy).
#include "common/ProcessHardening.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

namespace ikkatsu {

void hardenProcess()
{
#ifdef _WIN32
    ::HeapSetInformation(nullptr, HeapEnableTerminationOnCorruption, nullptr, 0);
    ::SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
#else
    ::prctl(PR_SET_DUMPABLE, 0);
    rlimit noCore {0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
#endif
}

} // namespace ikkatsu
