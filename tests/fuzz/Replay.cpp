// Runs a harness's entry function over files and folders without libFuzzer: the CTest regression replay.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

#if defined(__GLIBC__) && !defined(IKKATSU_SANITIZED)
// What scripts/fuzz gives libFuzzer as -malloc_limit_mb: no single allocation may exceed it, so that an input that
// makes the parsers ask for a gigabyte (a memory bomb) fails here as it fails under the fuzzer. Replaces glibc's
// allocator entry points for this test executable only.
#include <cerrno>
#include <cstdlib>

extern "C" {
void* __libc_malloc(size_t size);
void* __libc_calloc(size_t count, size_t size);
void* __libc_realloc(void* pointer, size_t size);

constexpr size_t kAllocationCeiling = size_t(512) << 20;

[[noreturn]] static void overCeiling(size_t size)
{
    std::fprintf(stderr, "replay: allocation of %zu bytes is over the %zu MiB ceiling\n", size,
        kAllocationCeiling >> 20);
    std::abort();
}

void* malloc(size_t size)
{
    if (size > kAllocationCeiling)
        overCeiling(size);
    return __libc_malloc(size);
}

void* calloc(size_t count, size_t size)
{
    if (size != 0 && count > kAllocationCeiling / size)
        overCeiling(count * size);
    return __libc_calloc(count, size);
}

void* realloc(void* pointer, size_t size)
{
    if (size > kAllocationCeiling)
        overCeiling(size);
    return __libc_realloc(pointer, size);
}
}
#endif

int main(int argc, char** argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(argument).isDir()) {
            QDirIterator it(argument, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(it.next());
        } else {
            files.append(argument);
        }
    }
    std::sort(files.begin(), files.end());
    if (files.isEmpty()) {
        std::fprintf(stderr, "replay: no inputs found\n");
        return 2;
    }
    for (const QString& path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "replay: cannot read %s\n", qPrintable(path));
            return 2;
        }
        const QByteArray bytes = file.readAll();
        std::fprintf(stderr, "replay: %s (%lld bytes)\n", qPrintable(path), static_cast<long long>(bytes.size()));
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.constData()), static_cast<size_t>(bytes.size()));
    }
    std::printf("replay: %lld inputs ran without a crash\n", static_cast<long long>(files.size()));
    return 0;
}
