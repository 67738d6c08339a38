// Worker threads pull the next file index from an atomic counter: no queue, no per-file thread start-up.
#include "signing/FileBatchSigner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>

#include <mutex>
#include <thread>
#include <vector>

namespace ikkatsu {

FileBatchSigner::FileBatchSigner(const CadesSigner& signer, SignatureOptions options, int threads)
    : m_signer(signer)
    , m_options(std::move(options))
    , m_threads(threads > 0 ? threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency())))
{ }

QList<BatchItemResult> FileBatchSigner::run(
    const QList<BatchItem>& items, const ProgressCallback& progress, const std::atomic_bool* cancel) const
{
    QList<BatchItemResult> results(items.size());
    std::atomic<qsizetype> next {0};
    std::mutex reportMutex;
    int done = 0;
    const int total = static_cast<int>(items.size());

    auto report = [&](qsizetype index, BatchItemResult result) {
        std::lock_guard lock(reportMutex);
        results[index] = result;
        ++done;
        if (progress)
            progress(result, done, total);
    };

    // Each worker commits its finished files in small groups: one file-system sync per group instead of one
    // fsync per file, which is most of the cost of signing small files. A file is reported signed only
    // once its group is on disk; a crash before that leaves at most temporary files, never a partial output.
    auto worker = [&] {
        struct Pending
        {
            qsizetype index;
            BatchItemResult result;
            PreparedSignature prepared;
        };
        std::vector<Pending> group;
        QElapsedTimer groupAge;
        auto flush = [&] {
            if (group.empty())
                return;
            QList<AtomicFile*> files;
            for (Pending& pending : group)
                files.append(&pending.prepared.file);
            const QList<Status> committed
                = m_disposableOutputs ? QList<Status> {files.first()->commitUnsynced()} : AtomicFile::commitAll(files);
            for (size_t i = 0; i < group.size(); ++i) {
                BatchItemResult& result = group[i].result;
                result.ok = committed[static_cast<qsizetype>(i)].ok();
                if (!result.ok)
                    result.error = committed[static_cast<qsizetype>(i)].error();
                report(group[i].index, result);
            }
            group.clear();
        };
        for (;;) {
            const qsizetype index = next.fetch_add(1);
            if (index >= items.size())
                break;
            BatchItemResult result;
            result.item = items[index];
            result.item.password.clear(); // results outlive the batch; the password must not
            result.bytes = QFileInfo(result.item.inputPath).size();
            if (cancel && cancel->load()) {
                result.error = makeError(ErrorCode::Cancelled);
                report(index, result);
                continue;
            }
            QElapsedTimer timer;
            timer.start();
            SignatureOptions options = m_options;
            if (!items[index].password.isEmpty())
                options.password = QByteArray(items[index].password.data(), qsizetype(items[index].password.size()));
            // Placement opens the file, with its password.
            const Status placed = applySealPlacement(result.item, options);
            auto prepared = placed.ok()
                ? PdfSigner::prepareFile(result.item.inputPath, result.item.outputPath, m_signer, options)
                : Result<PreparedSignature>(placed.error());
            wipeBytes(options.password);
            result.elapsedMs = timer.elapsed();
            if (!prepared.ok()) {
                result.error = prepared.error();
                report(index, result);
                continue;
            }
            if (group.empty())
                groupAge.start();
            group.push_back(Pending {index, result, std::move(prepared).value()});
            if (m_disposableOutputs || group.size() >= kCommitGroupSize || groupAge.elapsed() >= kCommitGroupMaxAgeMs)
                flush();
        }
        flush();
    };

    const int threadCount = std::min<int>(m_threads, std::max<int>(1, total));
    std::vector<std::thread> threads;
    threads.reserve(static_cast<size_t>(threadCount - 1));
    for (int i = 1; i < threadCount; ++i)
        threads.emplace_back(worker);
    worker();
    for (auto& thread : threads)
        thread.join();
    return results;
}

// The seal's appearance is shared (built once); only where it goes is decided per document.
Status FileBatchSigner::applySealPlacement(const BatchItem& item, SignatureOptions& options) const
{
    if (!options.seal || !m_sealDefaults)
        return {};
    Result<pdf::SealTarget> target = pdf::placeSeal(item.inputPath, options.password, m_sealDefaults->fieldName,
        m_sealDefaults->lastPage, m_sealDefaults->corner, options.seal->defaultSize());
    if (!target)
        return target.error();
    options.fieldName = target->fieldName;
    options.sealPage = target->page;
    options.sealRect = target->rect;
    return {};
}

Result<QList<BatchItem>> FileBatchSigner::planOutputs(
    const QStringList& inputs, const QString& outDir, const QString& suffix)
{
    QList<BatchItem> items;
    QSet<QString> outputs;
    for (const QString& input : inputs) {
        const QFileInfo info(input);
        QString output;
        if (!outDir.isEmpty()) {
            output = QDir(outDir).absoluteFilePath(info.fileName());
        } else {
            const bool hasPdfExtension = info.suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0;
            const QString stem = hasPdfExtension ? info.completeBaseName() : info.fileName();
            output = info.dir().absoluteFilePath(
                stem + suffix + (hasPdfExtension ? QLatin1Char('.') + info.suffix() : QString()));
        }
        const QString canonicalInput = info.absoluteFilePath();
        if (output == canonicalInput)
            return makeError(
                ErrorCode::FileNameInvalid, QStringLiteral("the output would overwrite the input: %1").arg(input));
        if (outputs.contains(output))
            return makeError(
                ErrorCode::FileNameInvalid, QStringLiteral("two inputs would be written to %1").arg(output));
        outputs.insert(output);
        items.append({input, output});
    }
    return items;
}

} // namespace ikkatsu
