// The raw limit of batch signing: SHA-256 over every file's bytes plus one private-key operation per file,
// on as many threads as ikkatsu-cli uses. Nothing a signer does can be faster than this.
#include "crypto/Cades.h"
#include "crypto/Certificate.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList files = QCoreApplication::arguments().mid(1);
    int threads = static_cast<int>(std::thread::hardware_concurrency());
    if (files.size() >= 2 && files.front() == QLatin1String("--jobs")) {
        threads = files.at(1).toInt();
        files = files.mid(2);
    }
    auto key = ikkatsu::PrivateKey::generate(ikkatsu::KeyAlgorithm::Rsa2048);
    if (!key.ok() || files.isEmpty()) {
        std::fprintf(stderr, "usage: raw_limit [--jobs N] FILE...\n");
        return 2;
    }
    std::atomic<qsizetype> next {0};
    std::atomic<qint64> bytes {0};
    QElapsedTimer timer;
    timer.start();
    auto worker = [&] {
        std::vector<char> buffer(1 << 20);
        for (qsizetype i; (i = next.fetch_add(1)) < files.size();) {
            QFile file(files.at(i));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ikkatsu::Digest digest;
            qint64 n;
            while ((n = file.read(buffer.data(), static_cast<qint64>(buffer.size()))) > 0) {
                digest.update(buffer.data(), n);
                bytes += n;
            }
            const auto signature = key->signSha256(digest.final());
            if (!signature.ok())
                std::fprintf(stderr, "sign failed\n");
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker);
    for (auto& thread : pool)
        thread.join();
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf("raw-limit files=%lld bytes=%lld seconds=%.3f files_per_s=%.1f mb_per_s=%.1f threads=%d\n",
        static_cast<long long>(files.size()), static_cast<long long>(bytes.load()), seconds, files.size() / seconds,
        bytes.load() / 1e6 / seconds, threads);
    return 0;
}
