// Windows implementation of NativeFile: CreateFileW(CREATE_NEW), ReadFile/WriteFile at an OVERLAPPED offset,
// FlushFileBuffers, MoveFileExW(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH).
#ifdef _WIN32

#include "platform/NativeFile.h"

#ifndef NOMINMAX
#define NOMINMAX // std::min, not the macro
#endif
#include <windows.h>

#include <algorithm>
#include <utility>

namespace ikkatsu::platform {

namespace {

constexpr std::int64_t kChunk = 1 << 30; // ReadFile/WriteFile take a DWORD count

int lastError()
{
    const DWORD error = ::GetLastError();
    return error != 0 ? static_cast<int>(error) : ERROR_GEN_FAILURE;
}

OVERLAPPED at(std::int64_t offset)
{
    OVERLAPPED position {};
    position.Offset = static_cast<DWORD>(static_cast<std::uint64_t>(offset) & 0xffffffffu);
    position.OffsetHigh = static_cast<DWORD>(static_cast<std::uint64_t>(offset) >> 32);
    return position;
}

} // namespace

std::string systemErrorText(int error)
{
    char* text = nullptr;
    const DWORD length
        = ::FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
            nullptr, static_cast<DWORD>(error), 0, reinterpret_cast<LPSTR>(&text), 0, nullptr);
    std::string message = length ? std::string(text, length) : "Windows error " + std::to_string(error);
    ::LocalFree(text);
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r'))
        message.pop_back();
    return message;
}

NativeFile::~NativeFile()
{
    close();
}

NativeFile::NativeFile(NativeFile&& other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr))
{ }

NativeFile& NativeFile::operator=(NativeFile&& other) noexcept
{
    if (this != &other) {
        close();
        m_handle = std::exchange(other.m_handle, nullptr);
    }
    return *this;
}

int NativeFile::openForReading(const NativePath& path, NativeFile* file)
{
    // Sharing write and delete: the signer reads back a temporary file it is still writing, and renames it later.
    HANDLE handle = ::CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
        nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE)
        return lastError();
    *file = NativeFile();
    file->m_handle = handle;
    return 0;
}

int NativeFile::createExclusive(const NativePath& path, unsigned, NativeFile* file)
{
    HANDLE handle = ::CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_DELETE,
        nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE)
        return lastError();
    *file = NativeFile();
    file->m_handle = handle;
    return 0;
}

bool NativeFile::isAlreadyExists(int error)
{
    return error == ERROR_FILE_EXISTS || error == ERROR_ALREADY_EXISTS;
}

bool NativeFile::isOpen() const
{
    return m_handle != nullptr;
}

int NativeFile::size(std::int64_t* bytes) const
{
    LARGE_INTEGER value {};
    if (!::GetFileSizeEx(m_handle, &value))
        return lastError();
    *bytes = value.QuadPart;
    return 0;
}

unsigned NativeFile::permissions() const
{
    return 0644u;
}

std::int64_t NativeFile::readAt(void* buffer, std::int64_t length, std::int64_t offset, int* error) const
{
    char* into = static_cast<char*>(buffer);
    std::int64_t done = 0;
    while (done < length) {
        OVERLAPPED position = at(offset + done);
        DWORD n = 0;
        if (!::ReadFile(m_handle, into + done, static_cast<DWORD>(std::min(length - done, kChunk)), &n, &position)) {
            if (::GetLastError() == ERROR_HANDLE_EOF)
                break;
            *error = lastError();
            return -1;
        }
        if (n == 0)
            break;
        done += n;
    }
    return done;
}

int NativeFile::writeAt(const void* data, std::int64_t length, std::int64_t offset)
{
    const char* from = static_cast<const char*>(data);
    while (length > 0) {
        OVERLAPPED position = at(offset);
        DWORD n = 0;
        if (!::WriteFile(m_handle, from, static_cast<DWORD>(std::min(length, kChunk)), &n, &position))
            return lastError();
        if (n == 0)
            return ERROR_WRITE_FAULT;
        from += n;
        length -= n;
        offset += n;
    }
    return 0;
}

int NativeFile::copyFrom(const NativeFile& source, std::int64_t sourceOffset, std::int64_t length, std::int64_t offset)
{
    char buffer[1 << 16];
    while (length > 0) {
        int error = 0;
        const std::int64_t r
            = source.readAt(buffer, std::min<std::int64_t>(length, std::int64_t(sizeof buffer)), sourceOffset, &error);
        if (r <= 0)
            return r < 0 ? error : ERROR_HANDLE_EOF;
        if (const int written = writeAt(buffer, r, offset))
            return written;
        sourceOffset += r;
        offset += r;
        length -= r;
    }
    return 0;
}

int NativeFile::truncate(std::int64_t length)
{
    LARGE_INTEGER position;
    position.QuadPart = length;
    return ::SetFilePointerEx(m_handle, position, nullptr, FILE_BEGIN) && ::SetEndOfFile(m_handle) ? 0 : lastError();
}

int NativeFile::flush()
{
    return ::FlushFileBuffers(m_handle) ? 0 : lastError();
}

std::uint64_t NativeFile::fileSystemId() const
{
    // No per-volume flush without administrator rights: a distinct id per file, so each one is flushed.
    return reinterpret_cast<std::uintptr_t>(m_handle);
}

int NativeFile::flushFileSystem()
{
    return flush();
}

int NativeFile::close()
{
    if (!m_handle)
        return 0;
    return ::CloseHandle(std::exchange(m_handle, nullptr)) ? 0 : lastError();
}

int NativeFile::replace(const NativePath& from, const NativePath& to)
{
    // WRITE_THROUGH: the call returns once the rename is on disk, which is what syncDirectory does elsewhere.
    return ::MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) ? 0
                                                                                                       : lastError();
}

int NativeFile::remove(const NativePath& path)
{
    return ::DeleteFileW(path.c_str()) ? 0 : lastError();
}

bool NativeFile::removeIfAbandoned(const NativePath& path)
{
    // No sharing: opening fails while any process still has the file open; closing deletes it.
    HANDLE handle = ::CreateFileW(path.c_str(), DELETE, 0, nullptr, OPEN_EXISTING,
        FILE_ATTRIBUTE_NORMAL | FILE_FLAG_DELETE_ON_CLOSE | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
    if (handle == INVALID_HANDLE_VALUE)
        return false;
    ::CloseHandle(handle);
    return true;
}

void NativeFile::syncDirectory(const NativePath&)
{
    // Nothing to do: replace() wrote through.
}

} // namespace ikkatsu::platform

#endif
