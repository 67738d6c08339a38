// libFuzzer harness: hostile PDFs through the verifier (signature fields, ByteRange, CMS, revisions, difference
// analysis) and through the server's upload rule (checkSignatureAppend) against earlier revision ends as the base.
#include "FuzzInput.h"

#include "pdf/SignatureAppend.h"
#include "pdf/SignatureInspector.h"

#include <QByteArrayView>

#include <cstdint>

using namespace ikkatsu;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = fuzz::inputFile(data, size);
    auto report = SignatureInspector::inspectFile(path, {});
    if (!report)
        return 0;
    // A stored version ends where one revision ends: try the first few "%%EOF" lines as the server's base size.
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    qsizetype from = 0;
    for (int tries = 0; tries < 4; ++tries) {
        const qsizetype eof = bytes.indexOf(QByteArrayView("%%EOF"), from);
        if (eof < 0)
            break;
        qsizetype end = eof + 5;
        if (end < bytes.size() && bytes[end] == '\r')
            ++end;
        if (end < bytes.size() && bytes[end] == '\n')
            ++end;
        (void)checkSignatureAppend(path, end, *report);
        from = end;
    }
    return 0;
}
