// The server's upload rule as a check of the file alone: a stored version plus one signature, and nothing else.
#pragma once

#include "common/Result.h"
#include "pdf/SignatureInspector.h"

#include <QString>

namespace ikkatsu {

// Checks that the file at `path` (already inspected into `inspection`) is the document [0, baseSize) followed by
// exactly one revision that adds exactly one signature — a new signature field, or an empty one filled — and at
// most LTA revisions after it (/DSS, document timestamps). Returns the index of that signature in
// inspection.signatures. Refusals: UploadSignatureCount (no or several new signatures), UploadNotSignatureOnly
// (anything else changed; the detail names the first such object).
Result<int> checkSignatureAppend(const QString& path, qint64 baseSize, const InspectionReport& inspection);

} // namespace ikkatsu
