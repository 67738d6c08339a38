// The hash and cipher primitives of the PDF standard security handler (MD5, SHA-2, RC4, AES), from OpenSSL.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace ikkatsu::symmetric {

enum class Hash { Md5, Sha256, Sha384, Sha512 };

QByteArray hash(Hash algorithm, QByteArrayView data);

// RC4 with a 1–16 byte key; encryption and decryption are the same operation.
QByteArray rc4(QByteArrayView key, QByteArrayView data);

// AES-CBC with a 16 or 32 byte key and a 16 byte IV. `padding`: PKCS#7 (as PDF strings and streams use);
// without it the data must be whole blocks. A bad key size or damaged data (wrong padding) gives PdfMalformed.
Result<QByteArray> aesCbcEncrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView data, bool padding);
Result<QByteArray> aesCbcDecrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView data, bool padding);
// AES-ECB decryption of whole blocks without padding (the /Perms check of ISO 32000-2 Algorithm 2.A).
Result<QByteArray> aesEcbDecrypt(QByteArrayView key, QByteArrayView data);

// Cryptographically random bytes (IVs); empty when the random generator fails.
QByteArray randomBytes(int count);

} // namespace ikkatsu::symmetric
