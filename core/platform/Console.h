// Console handling for secret prompts (PINs, passwords) of the command-line tools: is a stream a terminal, the
// console itself even when stdin/stdout are redirected, and echo off while a secret is typed. Qt-free like
// NativeFile.h, for the same compile check of the Windows implementation.
#pragma once

#include <cstdio>
#include <memory>

namespace ikkatsu::platform {

bool isTerminal(std::FILE* stream);

// The console the user types on (/dev/tty; CONIN$/CONOUT$ on Windows). Both null when there is none.
struct ConsoleStreams
{
    std::FILE* in = nullptr;
    std::FILE* out = nullptr;
};
ConsoleStreams openConsole();
void closeConsole(const ConsoleStreams& console);

// What is typed on `input` is not echoed while this lives (when `input` is a terminal; otherwise it does nothing).
class EchoOff
{
public:
    explicit EchoOff(std::FILE* input);
    ~EchoOff();
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;
    bool active() const { return m_saved != nullptr; }

private:
    struct Saved;
    std::unique_ptr<Saved> m_saved;
};

} // namespace ikkatsu::platform
