// The PAdES baseline levels a signature is made at: the server's signing policy, the CLI's --level.
#pragma once

#include <QString>

#include <optional>

namespace ikkatsu {

// Weakest first: each level adds to the one before.
enum class SigningLevel { BB, BT, BLT, BLTA };

// "B-B", "B-T", "B-LT", "B-LTA"; nothing for anything else.
std::optional<SigningLevel> parseSigningLevel(const QString& name);
QString signingLevelName(SigningLevel level);

} // namespace ikkatsu
