// The /DSS of ISO 32000-2 §12.8.4.3 (PAdES B-LT): what a document holds, and the update that adds to it.
#pragma once

#include "common/Result.h"
#include "crypto/Revocation.h"
#include "pdf/IncrementalUpdate.h"

namespace ikkatsu::pdf {

class PdfReader;

// The certificates, OCSP responses and CRLs in the catalog's /DSS as `reader`'s view shows the document (empty
// when there is none). Bounded for hostile files: at most kMaxItems per array and kMaxItemSize per stream; a
// damaged store gives PdfMalformed.
Result<ValidationData> readDocumentSecurityStore(PdfReader& reader);

// Plans the incremental update that adds to the /DSS what `data` has and the document lacks (compared by
// content), keeping every existing entry; the catalog gets /DSS. objectCount() == 0 when nothing is missing.
// Encrypted documents get their new streams encrypted with the document's key.
Result<IncrementalUpdate> planDocumentSecurityStore(PdfReader& reader, const ValidationData& data);

inline constexpr int kMaxDssItems = 10000;
inline constexpr qint64 kMaxDssItemSize = 1 << 20;

} // namespace ikkatsu::pdf
