// Standard security handler: Algorithms 1, 2, 2.A, 2.B, 4, 5 and 6 of ISO 32000-2 §7.6.
#include "pdf/PdfSecurity.h"

#include "crypto/SymmetricCrypto.h"

namespace ikkatsu::pdf {

namespace {

using symmetric::Hash;

constexpr int kMaxDepth = 64;

// The 32-byte padding string of Algorithm 2, step a.
const QByteArray& passwordPadding()
{
    static const QByteArray padding = QByteArray::fromHex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453"
                                                          "697A");
    return padding;
}

Error unsupported(const QString& detail)
{
    return makeError(ErrorCode::PdfEncryptionUnsupported, detail);
}

void appendLittleEndian(QByteArray& out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(static_cast<char>((value >> (8 * i)) & 0xff));
}

// Algorithm 2 (revisions 2–4): the file key from a password.
QByteArray revision4Key(const QByteArray& password, const QByteArray& owner, qint32 permissions,
    const QByteArray& firstId, int revision, int keyLength, bool encryptMetadata)
{
    QByteArray input = password.left(32) + passwordPadding().left(32 - qMin<qsizetype>(32, password.size()));
    input.append(owner.left(32));
    appendLittleEndian(input, static_cast<quint32>(permissions), 4);
    input.append(firstId);
    if (revision >= 4 && !encryptMetadata)
        input.append("\xff\xff\xff\xff", 4);
    QByteArray key = symmetric::hash(Hash::Md5, input);
    if (revision >= 3) {
        for (int i = 0; i < 50; ++i)
            key = symmetric::hash(Hash::Md5, key.left(keyLength));
    }
    return key.left(revision == 2 ? 5 : keyLength);
}

// Algorithms 4 and 5: does `key` produce the stored /U?
bool revision4UserMatches(const QByteArray& key, const QByteArray& user, const QByteArray& firstId, int revision)
{
    if (revision == 2)
        return symmetric::rc4(key, passwordPadding()) == user.left(32);
    QByteArray value = symmetric::rc4(key, symmetric::hash(Hash::Md5, QByteArray(passwordPadding() + firstId)));
    for (int i = 1; i <= 19; ++i) {
        QByteArray stepKey = key;
        for (char& c : stepKey)
            c = static_cast<char>(c ^ i);
        value = symmetric::rc4(stepKey, value);
    }
    return user.size() >= 16 && value.left(16) == user.left(16);
}

// Algorithm 2.B (revision 6; revision 5 used plain SHA-256).
Result<QByteArray> revision6Hash(const QByteArray& password, QByteArrayView salt, QByteArrayView userData, int revision)
{
    QByteArray k = symmetric::hash(Hash::Sha256, QByteArray(password + salt.toByteArray() + userData.toByteArray()));
    if (revision == 5)
        return k;
    for (int round = 0;; ++round) {
        const QByteArray block = password + k + userData.toByteArray();
        QByteArray k1;
        k1.reserve(block.size() * 64);
        for (int i = 0; i < 64; ++i)
            k1.append(block);
        Result<QByteArray> e = symmetric::aesCbcEncrypt(k.left(16), k.mid(16, 16), k1, false);
        if (!e)
            return e.error();
        int sum = 0;
        for (int i = 0; i < 16; ++i)
            sum += static_cast<unsigned char>(e->at(i));
        const Hash next = sum % 3 == 0 ? Hash::Sha256 : sum % 3 == 1 ? Hash::Sha384 : Hash::Sha512;
        k = symmetric::hash(next, *e);
        // At least 64 rounds; then stop once E's last byte is at most (rounds done) - 32.
        const int done = round + 1;
        if (done >= 64 && static_cast<unsigned char>(e->back()) <= done - 32)
            break;
    }
    return k.left(32);
}

// A password as revision 6 wants it: UTF-8, at most 127 bytes. (SASLprep is the identity for the ASCII and
// Japanese passwords people type; full stringprep tables are not worth their size here.)
QByteArray revision6Password(const QByteArray& password)
{
    return password.left(127);
}

Result<PdfSecurity::Method> methodOf(const PdfObject& encrypt, const QByteArray& filterName, int version)
{
    if (filterName == "Identity")
        return PdfSecurity::Method::None;
    const PdfObject& filters = encrypt.get("CF");
    const PdfObject& filter = filters.get(filterName);
    if (!filter.isDictionary())
        return unsupported(QStringLiteral("crypt filter /%1 is not defined").arg(QString::fromLatin1(filterName)));
    const PdfObject& cfm = filter.get("CFM");
    if (cfm.isNull() || cfm.isName("None"))
        return PdfSecurity::Method::None;
    if (cfm.isName("V2") && version == 4)
        return PdfSecurity::Method::Rc4;
    if (cfm.isName("AESV2") && version == 4)
        return PdfSecurity::Method::Aes128;
    if (cfm.isName("AESV3") && version == 5)
        return PdfSecurity::Method::Aes256;
    return unsupported(
        QStringLiteral("crypt filter method /%1 with /V %2").arg(QString::fromLatin1(cfm.bytes())).arg(version));
}

} // namespace

Result<PdfSecurity> PdfSecurity::open(const PdfObject& encrypt, const QByteArray& firstId, const QByteArray& password)
{
    if (!encrypt.isDictionary())
        return makeError(ErrorCode::PdfMalformed, QStringLiteral("/Encrypt is not a dictionary"));
    if (!encrypt.get("Filter").isName("Standard"))
        return unsupported(QStringLiteral("security handler /%1 (only /Standard is supported)")
                               .arg(QString::fromLatin1(encrypt.get("Filter").bytes())));
    PdfSecurity security;
    const qint64 version = encrypt.get("V").toInteger(0);
    security.m_revision = static_cast<int>(encrypt.get("R").toInteger(0));
    security.m_permissions = static_cast<qint32>(static_cast<quint32>(encrypt.get("P").toInteger(0) & 0xffffffff));
    const PdfObject* metadata = encrypt.find("EncryptMetadata");
    security.m_encryptMetadata = !metadata || !metadata->isBoolean() || metadata->toBool();
    const QByteArray owner = encrypt.get("O").bytes();
    const QByteArray user = encrypt.get("U").bytes();
    const int revision = security.m_revision;

    if (version == 1 || version == 2) {
        security.m_strings = security.m_streams = Method::Rc4;
    } else if (version == 4 || version == 5) {
        const QByteArray stringFilter = encrypt.get("StrF").isName() ? encrypt.get("StrF").bytes() : "Identity";
        const QByteArray streamFilter = encrypt.get("StmF").isName() ? encrypt.get("StmF").bytes() : "Identity";
        Result<Method> strings = methodOf(encrypt, stringFilter, int(version));
        if (!strings)
            return strings.error();
        Result<Method> streams = methodOf(encrypt, streamFilter, int(version));
        if (!streams)
            return streams.error();
        security.m_strings = *strings;
        security.m_streams = *streams;
    } else {
        return unsupported(QStringLiteral("/V %1").arg(version));
    }

    if (revision >= 2 && revision <= 4 && version <= 4) {
        if (owner.size() < 32 || user.size() < 32)
            return makeError(ErrorCode::PdfMalformed, QStringLiteral("/O or /U shorter than 32 bytes"));
        int keyLength = 5;
        if (revision >= 3) {
            const qint64 bits = encrypt.get("Length").toInteger(40);
            keyLength = static_cast<int>(qBound(qint64(40), bits, qint64(128)) / 8);
            if (security.m_strings == Method::Aes128 || security.m_streams == Method::Aes128)
                keyLength = 16;
        }
        const QByteArray key = revision4Key(
            password, owner, security.m_permissions, firstId, revision, keyLength, security.m_encryptMetadata);
        if (!revision4UserMatches(key, user, firstId, revision)) {
            if (password.isEmpty())
                return makeError(ErrorCode::PdfEncrypted, QStringLiteral("the document needs a user password"));
            return makeError(ErrorCode::PdfPasswordWrong, QStringLiteral("the user password does not match /U"));
        }
        security.m_key = key;
        return security;
    }
    if ((revision == 5 || revision == 6) && version == 5) {
        if (user.size() < 48)
            return makeError(ErrorCode::PdfMalformed, QStringLiteral("/U shorter than 48 bytes"));
        const QByteArray userEncrypted = encrypt.get("UE").bytes();
        if (userEncrypted.size() < 32)
            return makeError(ErrorCode::PdfMalformed, QStringLiteral("/UE shorter than 32 bytes"));
        const QByteArray prepared = revision6Password(password);
        // Algorithm 11: the hash over the validation salt must equal the first 32 bytes of /U.
        Result<QByteArray> check = revision6Hash(prepared, user.mid(32, 8), {}, revision);
        if (!check)
            return check.error();
        if (*check != user.left(32)) {
            if (password.isEmpty())
                return makeError(ErrorCode::PdfEncrypted, QStringLiteral("the document needs a user password"));
            return makeError(ErrorCode::PdfPasswordWrong, QStringLiteral("the user password does not match /U"));
        }
        // Algorithm 2.A, step e: the intermediate key (over the key salt) unwraps /UE into the file key.
        Result<QByteArray> intermediate = revision6Hash(prepared, user.mid(40, 8), {}, revision);
        if (!intermediate)
            return intermediate.error();
        Result<QByteArray> key
            = symmetric::aesCbcDecrypt(*intermediate, QByteArray(16, '\0'), userEncrypted.left(32), false);
        if (!key)
            return key.error();
        security.m_key = std::move(key).value();
        // Algorithm 13: /Perms repeats /P under the file key; a mismatch means /P was edited after encryption.
        const QByteArray perms = encrypt.get("Perms").bytes();
        if (perms.size() >= 16) {
            Result<QByteArray> decoded = symmetric::aesEcbDecrypt(security.m_key, perms.left(16));
            if (decoded && decoded->mid(9, 3) == "adb") {
                quint32 stored = 0;
                for (int i = 3; i >= 0; --i)
                    stored = (stored << 8) | static_cast<unsigned char>(decoded->at(i));
                if (static_cast<qint32>(stored) != security.m_permissions)
                    return makeError(ErrorCode::PdfMalformed, QStringLiteral("/Perms does not confirm /P"));
            }
        }
        return security;
    }
    return unsupported(QStringLiteral("/V %1 with /R %2").arg(version).arg(revision));
}

bool PdfSecurity::allowsSigning() const
{
    // ISO 32000-2 Table 22: bit 6 (value 32) allows modifying annotations and filling in form fields; bit 9
    // (value 256, revision 3 or greater) allows filling in existing form fields, "including signature fields",
    // even when bit 6 is clear. Signing is refused only when neither is set. (Strictly, creating a new signature
    // field also wants bit 4; like Acrobat we treat a signature as form filling, which bits 6 and 9 govern.)
    const bool fillForms = (m_permissions & 32) != 0;
    const bool fillExisting = m_revision >= 3 && (m_permissions & 256) != 0;
    return fillForms || fillExisting;
}

QByteArray PdfSecurity::objectKey(PdfRef owner, Method method) const
{
    if (method == Method::Aes256)
        return m_key;
    // Algorithm 1: the file key, three bytes of the object number, two of the generation ("sAlT" for AES).
    QByteArray input = m_key;
    appendLittleEndian(input, owner.number, 3);
    appendLittleEndian(input, owner.generation, 2);
    if (method == Method::Aes128)
        input.append("sAlT", 4);
    return symmetric::hash(Hash::Md5, input).left(qMin<qsizetype>(m_key.size() + 5, 16));
}

Result<QByteArray> PdfSecurity::crypt(PdfRef owner, Method method, QByteArrayView data, bool encrypt) const
{
    switch (method) {
    case Method::None:
        return data.toByteArray();
    case Method::Rc4:
        return symmetric::rc4(objectKey(owner, method), data);
    case Method::Aes128:
    case Method::Aes256: {
        const QByteArray key = objectKey(owner, method);
        if (encrypt) {
            const QByteArray iv = symmetric::randomBytes(16);
            if (iv.size() != 16)
                return makeError(ErrorCode::Unexpected, QStringLiteral("no random bytes for an AES IV"));
            Result<QByteArray> cipher = symmetric::aesCbcEncrypt(key, iv, data, true);
            if (!cipher)
                return cipher.error();
            return QByteArray(iv + *cipher);
        }
        // The IV is the first block; some writers store an empty string as nothing, or as the IV alone.
        if (data.isEmpty() || data.size() == 16)
            return QByteArray();
        if (data.size() < 32 || data.size() % 16 != 0)
            return makeError(ErrorCode::PdfMalformed,
                QStringLiteral("object %1: AES data of %2 bytes").arg(owner.number).arg(data.size()));
        return symmetric::aesCbcDecrypt(key, data.first(16), data.sliced(16), true);
    }
    }
    return data.toByteArray();
}

Result<QByteArray> PdfSecurity::decryptString(PdfRef owner, QByteArrayView data) const
{
    return crypt(owner, m_strings, data, false);
}

Result<QByteArray> PdfSecurity::encryptString(PdfRef owner, QByteArrayView data) const
{
    return crypt(owner, m_strings, data, true);
}

bool PdfSecurity::streamPassesUnchanged(const PdfObject& dictionary) const
{
    if (dictionary.get("Type").isName("XRef"))
        return true;
    if (!m_encryptMetadata && dictionary.get("Type").isName("Metadata"))
        return true;
    // A /Crypt filter (ISO 32000-2 §7.4.10) names its own crypt filter; only /Identity is supported, which
    // means "not encrypted". It must be the first filter.
    const PdfObject& filter = dictionary.get("Filter");
    const PdfObject& first = filter.isArray() && !filter.items().empty() ? filter.items().front() : filter;
    if (first.isName("Crypt")) {
        const PdfObject& parms = dictionary.get("DecodeParms");
        const PdfObject& firstParms = parms.isArray() && !parms.items().empty() ? parms.items().front() : parms;
        const PdfObject& name = firstParms.get("Name");
        return name.isNull() || name.isName("Identity");
    }
    return false;
}

Result<QByteArray> PdfSecurity::decryptStream(PdfRef owner, const PdfObject& dictionary, const QByteArray& data) const
{
    if (streamPassesUnchanged(dictionary))
        return data;
    return crypt(owner, m_streams, data, false);
}

Result<QByteArray> PdfSecurity::encryptStream(PdfRef owner, const PdfObject& dictionary, const QByteArray& data) const
{
    if (streamPassesUnchanged(dictionary))
        return data;
    return crypt(owner, m_streams, data, true);
}

bool PdfSecurity::isSignatureDictionary(const PdfObject& dictionary)
{
    const PdfObject& type = dictionary.get("Type");
    if (type.isName("Sig") || type.isName("DocTimeStamp"))
        return true;
    // /Type is optional in a signature dictionary: /ByteRange next to /Contents identifies one too.
    return type.isNull() && dictionary.get("ByteRange").isArray() && dictionary.get("Contents").isString();
}

Status PdfSecurity::cryptStrings(PdfRef owner, PdfObject& value, bool encrypt, int depth) const
{
    if (depth > kMaxDepth)
        return makeError(ErrorCode::PdfMalformed, QStringLiteral("object %1 nested too deeply").arg(owner.number));
    switch (value.type()) {
    case PdfObject::Type::String: {
        Result<QByteArray> converted = crypt(owner, m_strings, value.bytes(), encrypt);
        if (!converted)
            return converted.error();
        const qint64 start = value.sourceStart();
        const qint64 end = value.sourceEnd();
        // Ciphertext is binary: write it as hex. Decrypted text keeps how it was written.
        value = PdfObject::string(std::move(converted).value(), encrypt || value.isHexString());
        value.setSourceSpan(start, end);
        return {};
    }
    case PdfObject::Type::Array:
        for (PdfObject& item : value.items())
            IKK_TRY(cryptStrings(owner, item, encrypt, depth + 1));
        return {};
    case PdfObject::Type::Dictionary:
    case PdfObject::Type::Stream: {
        const bool signature = isSignatureDictionary(value);
        for (auto& [key, item] : value.entries()) {
            if (signature && key == "Contents")
                continue;
            IKK_TRY(cryptStrings(owner, item, encrypt, depth + 1));
        }
        return {};
    }
    default:
        return {};
    }
}

Status PdfSecurity::decryptStrings(PdfRef owner, PdfObject& value) const
{
    if (m_strings == Method::None)
        return {};
    return cryptStrings(owner, value, false, 0);
}

Status PdfSecurity::encryptStrings(PdfRef owner, PdfObject& value) const
{
    if (m_strings == Method::None)
        return {};
    return cryptStrings(owner, value, true, 0);
}

} // namespace ikkatsu::pdf
