// Start-up hardening shared by every executable that handles keys, PINs or passwords.
#pragma once

namespace ikkatsu {

// Key material must not end up in a core dump or be read by a debugger attaching to the process:
// no core files, not dumpable (which also refuses ptrace attach by other non-root processes).
void hardenProcess();

} // namespace ikkatsu
