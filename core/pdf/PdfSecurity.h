// The standard security handler (ISO 32000-2 §7.6.4): the file key from the user password, and the string and
// stream ciphers (RC4, AES-128, AES-256) keyed per object.
#pragma once

#include "common/Result.h"
#include "pdf/PdfObject.h"

#include <QByteArray>

namespace ikkatsu::pdf {

class PdfSecurity
{
public:
    enum class Method : quint8 { None, Rc4, Aes128, Aes256 };

    // `encrypt` is the /Encrypt dictionary as stored (never decrypted), `firstId` the first string of the
    // trailer's /ID. Errors: PdfEncryptionUnsupported (another handler, an unknown /V, /R or /CFM),
    // PdfEncrypted (a user password is needed and `password` is empty), PdfPasswordWrong (it does not open).
    static Result<PdfSecurity> open(const PdfObject& encrypt, const QByteArray& firstId, const QByteArray& password);

    int revision() const { return m_revision; }
    Method stringMethod() const { return m_strings; }
    Method streamMethod() const { return m_streams; }
    // /P as the signed 32-bit value of ISO 32000-2 Table 22.
    qint32 permissions() const { return m_permissions; }
    // Whether /P allows adding a signature (see the comment in the .cpp for the exact rule).
    bool allowsSigning() const;
    bool encryptsMetadata() const { return m_encryptMetadata; }

    Result<QByteArray> decryptString(PdfRef owner, QByteArrayView data) const;
    Result<QByteArray> encryptString(PdfRef owner, QByteArrayView data) const;
    // The raw data of the stream `dictionary` of object `owner`, decrypted (not yet decoded). Cross-reference
    // streams, /Metadata with /EncryptMetadata false and streams with an /Identity /Crypt filter pass unchanged.
    Result<QByteArray> decryptStream(PdfRef owner, const PdfObject& dictionary, const QByteArray& data) const;
    Result<QByteArray> encryptStream(PdfRef owner, const PdfObject& dictionary, const QByteArray& data) const;

    // Every string inside `value` (an object read from the file), in place; source spans stay. The /Contents
    // of a signature dictionary is left as it is: ISO 32000-2 §7.6.2 excludes it from encryption.
    Status decryptStrings(PdfRef owner, PdfObject& value) const;
    Status encryptStrings(PdfRef owner, PdfObject& value) const;

    // True for a dictionary whose /Contents is a signature's (never encrypted).
    static bool isSignatureDictionary(const PdfObject& dictionary);

private:
    PdfSecurity() = default;
    QByteArray objectKey(PdfRef owner, Method method) const;
    Result<QByteArray> crypt(PdfRef owner, Method method, QByteArrayView data, bool encrypt) const;
    Status cryptStrings(PdfRef owner, PdfObject& value, bool encrypt, int depth) const;
    bool streamPassesUnchanged(const PdfObject& dictionary) const;

    int m_revision = 0;
    qint32 m_permissions = 0;
    bool m_encryptMetadata = true;
    Method m_strings = Method::None;
    Method m_streams = Method::None;
    QByteArray m_key;
};

} // namespace ikkatsu::pdf
