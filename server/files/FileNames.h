// Rules for folder and file names, and the folded form that partial-match search compares.
#pragma once

#include "common/Result.h"

#include <QString>

namespace ikkatsu::server {

// FileNameInvalid unless: 1..maxLength characters after NFC, no leading/trailing space, no control or
// bidirectional-override characters, none of / \ : * ? " < > | (a desktop on Windows saves files under this name),
// not "." or "..", not starting with a dot. Names live in the database only (files are stored by digest), so
// these rules protect the clients that save and show them.
Result<QString> checkedName(const QString& name, int maxLength);

// NFKC + case folding: "ＡＢＣ.pdf" and "abc.PDF" fold alike.
QString foldName(const QString& name);

// A LIKE pattern matching `text` anywhere (with ESCAPE '\'): %, _ and \ in `text` are literal.
QString likePattern(const QString& text);

} // namespace ikkatsu::server
