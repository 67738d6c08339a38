// Where a user's seal goes in one document: the empty signature field placed for them, or their default corner.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QSizeF>
#include <QString>

#include <array>
#include <optional>

namespace ikkatsu::pdf {

enum class SealCorner : quint8 { BottomRight, BottomLeft, TopRight, TopLeft };

// "bottom-right", "bottom-left", "top-right", "top-left"; false for anything else.
bool parseSealCorner(const QString& text, SealCorner* corner);

// What PdfSigner's SignatureOptions need: fill `fieldName`, or add a field at `rect` on `page` (1-based, -1 last).
struct SealTarget
{
    QString fieldName; // set when the document has an empty signature field of the wanted (fully qualified) name
    int page = -1;
    std::optional<std::array<double, 4>> rect;
};

// The user's rules in order: an empty signature field named `fieldName` (the sender placed it for them); else a
// rectangle of `size` points about 1 cm inside `corner` of the first (`lastPage` false) or last page's visible
// area. Reads the document once; errors are the reader's (a damaged file fails the same way when signed).
Result<SealTarget> placeSeal(const QString& path, const QByteArray& password, const QString& fieldName, bool lastPage,
    SealCorner corner, const QSizeF& size);

} // namespace ikkatsu::pdf
