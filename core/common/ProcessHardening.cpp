// Linux implementation of the start-up hardening (prctl and rlimit).
#include "common/ProcessHardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace ikkatsu {

void hardenProcess()
{
    ::prctl(PR_SET_DUMPABLE, 0);
    rlimit noCore {0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
}

} // namespace ikkatsu
