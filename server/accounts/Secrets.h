// Random secrets (tokens, one-time passwords, initial passwords) and password hashing with Argon2id.
#pragma once

#include "common/Result.h"
#include "common/SecureBuffer.h"

#include <QByteArray>
#include <QString>

namespace ikkatsu::server {

// Bytes from OpenSSL's CSPRNG.
QByteArray randomBytes(int count);
// 256-bit session token, base64url without padding (43 characters).
QString newSessionToken();
// 128-bit identifier (login attempt IDs), lower-case hex.
QString newRandomId();
// Six decimal digits, uniform (rejection sampling, no modulo bias).
QString newOneTimePassword();
// A user ID for a newly registered user: "u" + 9 characters from an alphabet without look-alikes.
QString newUserId();
// An initial password of 12 characters from an alphabet without look-alikes (≈ 68 bits).
QString newInitialPassword();
// Lower-case hex SHA-256: how tokens and one-time passwords are stored (they are high-entropy or short-lived).
QString sha256Hex(const QByteArray& data);
// Compares equal-length strings in time independent of where they differ.
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

// Argon2id, encoded form ($argon2id$v=19$m=19456,t=2,p=1$salt$hash).
class PasswordHash
{
public:
    static constexpr unsigned kMemoryKiB = 19456;
    static constexpr unsigned kIterations = 2;
    static constexpr unsigned kParallelism = 1;

    static Result<QString> hash(const SecureBuffer& password);
    // Constant-time; false also for malformed hashes.
    static bool verify(const QString& encoded, const SecureBuffer& password);
    // Spends the same time as a real verification; used for unknown users so that timing reveals nothing.
    static void verifyDummy(const SecureBuffer& password);
};

} // namespace ikkatsu::server
