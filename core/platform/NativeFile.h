// The few file operations the signing core needs beyond QFile, one implementation per platform: positioned reads
// and writes without a shared file position (threads read one file at once), exclusive creation, durable flushes
// and an atomic replace. No Qt in here, so that the Windows implementation is compile-checked on Debian with
// mingw-w64 (tests/packaging/windows-compile-check.sh); Qt-facing code converts paths with nativePath().
#pragma once

#include <cstdint>
#include <string>

namespace ikkatsu::platform {

#ifdef _WIN32
using NativePath = std::wstring;
#else
using NativePath = std::string;
#endif

// Functions return 0 on success, otherwise the system's error number (errno, or GetLastError() on Windows).
std::string systemErrorText(int error);

class NativeFile
{
public:
    NativeFile() = default;
    ~NativeFile();
    NativeFile(NativeFile&& other) noexcept;
    NativeFile& operator=(NativeFile&& other) noexcept;
    NativeFile(const NativeFile&) = delete;
    NativeFile& operator=(const NativeFile&) = delete;

    static int openForReading(const NativePath& path, NativeFile* file);
    // Fails (isAlreadyExists) when the path exists. `permissions` are POSIX mode bits, applied exactly (umask
    // ignored); on Windows the file inherits its folder's ACL, which is what per-user folders rely on there.
    static int createExclusive(const NativePath& path, unsigned permissions, NativeFile* file);
    static bool isAlreadyExists(int error);

    bool isOpen() const;
    int size(std::int64_t* bytes) const;
    // POSIX mode bits of the open file; 0644 where the platform has none.
    unsigned permissions() const;
    // Reads up to `length` bytes at `offset`: the count read (fewer only at the end of the file), or -1 and *error.
    std::int64_t readAt(void* buffer, std::int64_t length, std::int64_t offset, int* error) const;
    // Writes all `length` bytes at `offset`, or fails.
    int writeAt(const void* data, std::int64_t length, std::int64_t offset);
    // Copies `length` bytes of `source` from `sourceOffset` to `offset` in this file (in the kernel where it can).
    int copyFrom(const NativeFile& source, std::int64_t sourceOffset, std::int64_t length, std::int64_t offset);
    // Cuts the file to `length` bytes.
    int truncate(std::int64_t length);
    // The file's data reaches the disk.
    int flush();
    // Files on the same file system share an id; flushFileSystem() once per id makes all of them durable together
    // (Linux syncfs, one call for a whole batch). Where the platform has no such call it flushes this file only,
    // and the ids are all different so that every file gets its own flush.
    std::uint64_t fileSystemId() const;
    int flushFileSystem();
    int close();

    // Renames `from` over `to` atomically; the rename itself is durable once syncDirectory(to's folder) returned.
    static int replace(const NativePath& from, const NativePath& to);
    static int remove(const NativePath& path);
    // Removes `path` only when it is a regular file of this user that no process has open for writing through
    // createExclusive (which holds a lock on it until closed); true when removed. Never follows a symbolic link.
    static bool removeIfAbandoned(const NativePath& path);
    // Best effort: a failure only means the last rename may not survive a power cut.
    static void syncDirectory(const NativePath& directory);

private:
#ifdef _WIN32
    void* m_handle = nullptr;
#else
    int m_fd = -1;
#endif
};

} // namespace ikkatsu::platform
