// Secrets come from OpenSSL's RAND_bytes; passwords are hashed with libargon2.
#include "accounts/Secrets.h"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <QCryptographicHash>

#include <array>

namespace ikkatsu::server {

namespace {

// No 0/O, 1/l/I: IDs and initial passwords are read from a mail and typed by hand.
constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

QString randomFromAlphabet(int length)
{
    constexpr int alphabetSize = sizeof(kAlphabet) - 1;
    // Largest multiple of the alphabet size below 256: bytes above it are rejected to avoid bias.
    constexpr int limit = 256 - (256 % alphabetSize);
    QString text;
    while (text.size() < length) {
        const QByteArray bytes = randomBytes(32);
        for (char c : bytes) {
            const int value = static_cast<unsigned char>(c);
            if (value >= limit)
                continue;
            text += QLatin1Char(kAlphabet[value % alphabetSize]);
            if (text.size() == length)
                break;
        }
    }
    return text;
}

} // namespace

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), count) != 1)
        qFatal("RAND_bytes failed"); // no CSPRNG: continuing would hand out guessable secrets
    return bytes;
}

QString newSessionToken()
{
    return QString::fromLatin1(
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString newRandomId()
{
    return QString::fromLatin1(randomBytes(16).toHex());
}

QString newOneTimePassword()
{
    for (;;) {
        const QByteArray bytes = randomBytes(4);
        quint32 value = 0;
        for (char c : bytes)
            value = (value << 8) | static_cast<unsigned char>(c);
        // 4294000000 is the largest multiple of 10^6 below 2^32.
        if (value >= 4294000000u)
            continue;
        return QStringLiteral("%1").arg(value % 1000000u, 6, 10, QLatin1Char('0'));
    }
}

QString newUserId()
{
    return QStringLiteral("u") + randomFromAlphabet(9).toLower();
}

QString newInitialPassword()
{
    return randomFromAlphabet(12);
}

QString sha256Hex(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

Result<QString> PasswordHash::hash(const SecureBuffer& password)
{
    const QByteArray salt = randomBytes(16);
    const size_t length
        = argon2_encodedlen(kIterations, kMemoryKiB, kParallelism, static_cast<uint32_t>(salt.size()), 32, Argon2_id);
    std::string encoded(length, '\0');
    const int rc = argon2id_hash_encoded(kIterations, kMemoryKiB, kParallelism, password.data(), password.size(),
        salt.constData(), static_cast<size_t>(salt.size()), 32, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        return makeError(ErrorCode::ServerError, QString::fromLatin1(argon2_error_message(rc)));
    return QString::fromLatin1(encoded.c_str());
}

bool PasswordHash::verify(const QString& encoded, const SecureBuffer& password)
{
    const QByteArray text = encoded.toLatin1();
    return argon2id_verify(text.constData(), password.data(), password.size()) == ARGON2_OK;
}

void PasswordHash::verifyDummy(const SecureBuffer& password)
{
    // Computed once with the real parameters, so that verifying against it costs what a real check costs.
    static const QString dummy = [] {
        auto hashed = hash(SecureBuffer(std::string_view("dummy password for unknown users")));
        return hashed ? hashed.value() : QString();
    }();
    const bool matched = verify(dummy, password);
    Q_UNUSED(matched);
}

} // namespace ikkatsu::server
