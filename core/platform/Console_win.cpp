// Windows console: _isatty, CONIN$/CONOUT$, console mode without ENABLE_ECHO_INPUT.
#ifdef _WIN32

#include "platform/Console.h"

#ifndef NOMINMAX
#define NOMINMAX // std::min, not the macro
#endif
#include <windows.h>

#include <io.h>

namespace ikkatsu::platform {

bool isTerminal(std::FILE* stream)
{
    return ::_isatty(::_fileno(stream)) != 0;
}

ConsoleStreams openConsole()
{
    ConsoleStreams console {std::fopen("CONIN$", "r"), std::fopen("CONOUT$", "w")};
    if (!console.in || !console.out) {
        closeConsole(console);
        return {};
    }
    return console;
}

void closeConsole(const ConsoleStreams& console)
{
    if (console.in)
        std::fclose(console.in);
    if (console.out)
        std::fclose(console.out);
}

struct EchoOff::Saved
{
    HANDLE handle;
    DWORD mode;
};

EchoOff::EchoOff(std::FILE* input)
{
    const auto handle = reinterpret_cast<HANDLE>(::_get_osfhandle(::_fileno(input)));
    DWORD mode = 0;
    if (handle == INVALID_HANDLE_VALUE || !::GetConsoleMode(handle, &mode))
        return;
    if (::SetConsoleMode(handle, mode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT)))
        m_saved.reset(new Saved {handle, mode});
}

EchoOff::~EchoOff()
{
    if (m_saved)
        ::SetConsoleMode(m_saved->handle, m_saved->mode);
}

} // namespace ikkatsu::platform

#endif
