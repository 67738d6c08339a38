// POSIX console: isatty, /dev/tty, termios ECHO.
#ifndef _WIN32

#include "platform/Console.h"

#include <termios.h>
#include <unistd.h>

namespace ikkatsu::platform {

bool isTerminal(std::FILE* stream)
{
    return ::isatty(::fileno(stream)) == 1;
}

ConsoleStreams openConsole()
{
    std::FILE* tty = std::fopen("/dev/tty", "r+");
    return {tty, tty};
}

void closeConsole(const ConsoleStreams& console)
{
    if (console.in)
        std::fclose(console.in);
}

struct EchoOff::Saved
{
    int fd;
    termios mode;
};

EchoOff::EchoOff(std::FILE* input)
{
    const int fd = ::fileno(input);
    termios mode {};
    if (!::isatty(fd) || ::tcgetattr(fd, &mode) != 0)
        return;
    termios quiet = mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    if (::tcsetattr(fd, TCSAFLUSH, &quiet) == 0)
        m_saved.reset(new Saved {fd, mode});
}

EchoOff::~EchoOff()
{
    if (m_saved)
        ::tcsetattr(m_saved->fd, TCSAFLUSH, &m_saved->mode);
}

} // namespace ikkatsu::platform

#endif
