// Terminal interaction for ikkatsu-cli: hidden PIN entry, stdin secrets, a one-line progress bar.
#pragma once

#include "common/SecureBuffer.h"

#include <QString>

#include <cstdio>

namespace ikkatsu::cli {

bool stdoutIsTerminal();
// Prompts on the controlling terminal with echo off. Empty on failure (no terminal).
SecureBuffer readHiddenLine(const QString& prompt);
// One line of stdin without its line ending; `ok` false at end of input.
SecureBuffer readStdinLine(bool* ok);

void printOut(const QString& text); // stdout, UTF-8, with newline
void printErr(const QString& text); // stderr, UTF-8, with newline

// Redraws "[#####.....] 12/40 name" on one terminal line; clear() before printing other lines.
class ProgressBar
{
public:
    explicit ProgressBar(bool enabled)
        : m_enabled(enabled)
    { }
    void update(int done, int total, const QString& label);
    void clear();

private:
    bool m_enabled;
    bool m_drawn = false;
};

} // namespace ikkatsu::cli
