// Terminal handling on the platform layer; the PIN never touches a QString that outlives the prompt.
#include "Terminal.h"

#include "platform/Console.h"

#include <QFileInfo>

#include <cstdio>
#include <string>

namespace ikkatsu::cli {

bool stdoutIsTerminal()
{
    return platform::isTerminal(stdout);
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
    const platform::ConsoleStreams console = platform::openConsole();
    if (!console.in)
        return {};
    std::fputs(prompt.toUtf8().constData(), console.out);
    std::fflush(console.out);
    SecureBuffer line;
    {
        const platform::EchoOff hidden(console.in);
        line = readLineFrom(console.in, nullptr);
    }
    std::fputs("\n", console.out);
    platform::closeConsole(console);
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
