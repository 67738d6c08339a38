// Signs many local PDF files in parallel with one unlocked key; every file ends either fully signed or untouched.
#pragma once

#include "common/Result.h"
#include "common/SecureBuffer.h"
#include "crypto/Cades.h"
#include "pdf/PdfSigner.h"
#include "pdf/SealPlacement.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace ikkatsu {

struct BatchItem
{
    QString inputPath;
    QString outputPath;
    SecureBuffer password {}; // this document's user password, when it needs one (else the batch options' password)
};

// A user's own placement rules for the batch's seal (SignatureOptions::seal), decided per document: the empty
// signature field named `fieldName` when the document has one, else `corner` of the first or last page.
struct SealDefaults
{
    QString fieldName;
    bool lastPage = true;
    pdf::SealCorner corner = pdf::SealCorner::BottomRight;
};

struct BatchItemResult
{
    BatchItem item;
    bool ok = false;
    Error error; // when !ok
    qint64 bytes = 0; // input size
    qint64 elapsedMs = 0;
};

class FileBatchSigner
{
public:
    // Called once per finished item, serialized (never concurrently), from a worker thread.
    using ProgressCallback = std::function<void(const BatchItemResult& result, int done, int total)>;

    FileBatchSigner(const CadesSigner& signer, SignatureOptions options, int threads = 0);
    // With a seal in the options: place it per document by these rules (the options' page, rectangle and field
    // are then ignored).
    void setSealDefaults(const SealDefaults& defaults) { m_sealDefaults = defaults; }
    // Outputs that are private copies, uploaded and removed (a batch against the server): each is committed alone
    // without a sync and reported at once, so that its upload starts while the next file is signed.
    void setDisposableOutputs(bool disposable) { m_disposableOutputs = disposable; }

    // Signs every item; a failing item is reported and the others go on. Items not started when
    // `cancel` becomes true are reported as Cancelled and left untouched. Results are in input order.
    QList<BatchItemResult> run(const QList<BatchItem>& items, const ProgressCallback& progress = {},
        const std::atomic_bool* cancel = nullptr) const;

    // Output paths for inputs: in `outDir` under the same file name, or beside the input with `suffix`
    // inserted before ".pdf". Two inputs that would write the same output are refused (FileNameInvalid).
    static Result<QList<BatchItem>> planOutputs(
        const QStringList& inputs, const QString& outDir, const QString& suffix);

    // Files committed together with one sync; a group is also committed once its oldest file waited this long,
    // so that progress keeps flowing on slow inputs.
    static constexpr size_t kCommitGroupSize = 32;
    static constexpr qint64 kCommitGroupMaxAgeMs = 300;

private:
    // With a seal and setSealDefaults: the field or page and rectangle for this document (it is read once more;
    // `options.password` must already be the document's).
    Status applySealPlacement(const BatchItem& item, SignatureOptions& options) const;

    const CadesSigner& m_signer;
    SignatureOptions m_options;
    int m_threads;
    std::optional<SealDefaults> m_sealDefaults;
    bool m_disposableOutputs = false;
};

} // namespace ikkatsu
