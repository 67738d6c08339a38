// Stream decoding for the structure the reader needs (xref and object streams): FlateDecode with predictors.
#pragma once

#include "common/Result.h"
#include "pdf/PdfObject.h"

#include <QByteArray>

namespace ikkatsu::pdf {

// Decodes `raw` per the stream dictionary's /Filter and /DecodeParms. Output beyond `maxOutput` bytes is refused
// (PdfMalformed), so a small compressed bomb cannot exhaust memory. Filters other than FlateDecode: PdfUnsupported.
Result<QByteArray> decodeStream(const PdfObject& streamDictionary, const QByteArray& raw, qint64 maxOutput);

// zlib inflate with an output ceiling.
Result<QByteArray> inflateLimited(const QByteArray& compressed, qint64 maxOutput);

// Undoes a PNG (10–15) or TIFF (2) predictor as described by a /DecodeParms dictionary.
Result<QByteArray> undoPredictor(const QByteArray& data, const PdfObject& decodeParms);

} // namespace ikkatsu::pdf
