// Hands a fuzz input to code that only reads files: one in-memory file per process, rewritten for every input.
#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

namespace ikkatsu::fuzz {

// Replaces the file's contents with `data` and returns its path (a memfd under /proc/self/fd on Linux, so no
// disk is touched; elsewhere a temporary file).
QString inputFile(const uint8_t* data, size_t size);

} // namespace ikkatsu::fuzz
