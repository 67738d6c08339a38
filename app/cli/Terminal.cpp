// POSIX terminal handling; the PIN never touches a QString that outlives the prompt.
#include "Terminal.h"

#include <QFileInfo>

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace ikkatsu::cli {

bool stdoutIsTerminal()
{
    return ::isatty(STDOUT_FILENO) == 1;
}

namespace {

SecureBuffer readLineFrom(FILE* stream, bool* ok)
{
    std::string line;
    int c;
    while ((c = std::fgetc(stream)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    if (ok)
        *ok = !(c == EOF && line.empty());
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    SecureBuffer buffer(line);
    wipeMemory(line.data(), line.capacity());
    return buffer;
}

} // namespace

SecureBuffer readHiddenLine(const QString& prompt)
{
    FILE* tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        return {};
    std::fputs(prompt.toUtf8().constData(), tty);
    std::fflush(tty);
    termios saved {};
    const int fd = ::fileno(tty);
    const bool canHide = ::tcgetattr(fd, &saved) == 0;
    if (canHide) {
        termios hidden = saved;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &hidden);
    }
    bool ok = false;
    SecureBuffer line = readLineFrom(tty, &ok);
    if (canHide)
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputs("\n", tty);
    std::fclose(tty);
    return line;
}

SecureBuffer readStdinLine(bool* ok)
{
    return readLineFrom(stdin, ok);
}

void printOut(const QString& text)
{
    std::fputs((text + QLatin1Char('\n')).toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text)
{
    std::fputs((text + QLatin1Char('\n')).toUtf8().constData(), stderr);
    std::fflush(stderr);
}

void ProgressBar::update(int done, int total, const QString& label)
{
    if (!m_enabled || total <= 0)
        return;
    constexpr int width = 30;
    const int filled = done * width / total;
    const QString bar = QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'));
    const QString line
        = QStringLiteral("\r[%1] %2/%3 %4").arg(bar).arg(done).arg(total).arg(QFileInfo(label).fileName().left(40));
    std::fputs((line + QStringLiteral("\x1b[K")).toUtf8().constData(), stdout);
    std::fflush(stdout);
    m_drawn = true;
}

void ProgressBar::clear()
{
    if (m_enabled && m_drawn) {
        std::fputs("\r\x1b[K", stdout);
        std::fflush(stdout);
        m_drawn = false;
    }
}

} // namespace ikkatsu::cli
