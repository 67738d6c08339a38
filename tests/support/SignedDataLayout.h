// A little DER for building variations of our own signatures and timestamp tokens in tests (well-formed,
// definite-length input only): a SignedData taken apart around its certificates and put together again.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ikkatsu::test {

struct Element
{
    quint8 tag = 0;
    qsizetype headerSize = 0;
    qsizetype contentSize = 0;
    qsizetype size() const { return headerSize + contentSize; }
};

inline Element elementAt(const QByteArray& der, qsizetype at)
{
    Element element;
    element.tag = quint8(der.at(at));
    const auto first = quint8(der.at(at + 1));
    element.headerSize = 2;
    element.contentSize = first;
    if (first >= 0x80) {
        element.contentSize = 0;
        for (int i = 0; i < (first & 0x7f); ++i)
            element.contentSize = (element.contentSize << 8) | quint8(der.at(at + 2 + i));
        element.headerSize += first & 0x7f;
    }
    return element;
}

// The encodings of the elements inside the contents of the element at `at`.
inline QList<QByteArray> childrenAt(const QByteArray& der, qsizetype at)
{
    const Element parent = elementAt(der, at);
    QList<QByteArray> children;
    for (qsizetype child = at + parent.headerSize; child < at + parent.size();) {
        const Element element = elementAt(der, child);
        children.append(der.mid(child, element.size()));
        child += element.size();
    }
    return children;
}

inline QByteArray encode(quint8 tag, const QByteArray& contents, bool indefinite = false)
{
    QByteArray out(1, char(tag));
    if (indefinite)
        return out + '\x80' + contents + QByteArray(2, '\0');
    if (contents.size() < 0x80)
        return out + char(contents.size()) + contents;
    QByteArray octets;
    for (auto rest = quint64(contents.size()); rest; rest >>= 8)
        octets.prepend(char(rest & 0xff));
    return out + char(0x80 | octets.size()) + octets + contents;
}

// ContentInfo { contentType, [0] { SignedData { version, digestAlgorithms, encapContentInfo, [0] certificates,
// signerInfos } } } as our signer and our TSA write it (a CMS signature and an RFC 3161 token alike).
struct SignedDataLayout
{
    QByteArray contentType;
    QList<QByteArray> before; // version, digestAlgorithms, encapContentInfo
    quint8 certificatesTag = 0xa0;
    QList<QByteArray> certificates;
    QList<QByteArray> after; // signerInfos

    static SignedDataLayout of(const QByteArray& der)
    {
        SignedDataLayout layout;
        const QList<QByteArray> contentInfo = childrenAt(der, 0);
        layout.contentType = contentInfo.at(0);
        const QByteArray explicitContent = contentInfo.at(1);
        const QByteArray signedData = childrenAt(explicitContent, 0).at(0);
        const QList<QByteArray> fields = childrenAt(signedData, 0);
        layout.before = fields.mid(0, 3);
        layout.certificates = childrenAt(fields.at(3), 0);
        layout.after = fields.mid(4);
        return layout;
    }

    // `indefinite`: which levels use BER's indefinite length (0 ContentInfo, 1 [0], 2 SignedData, 3 certificates).
    QByteArray assemble(QList<int> indefinite = {}) const
    {
        QByteArray fields = before.join();
        fields += encode(certificatesTag, certificates.join(), indefinite.contains(3));
        fields += after.join();
        const QByteArray signedData = encode(0x30, fields, indefinite.contains(2));
        return encode(0x30, contentType + encode(0xa0, signedData, indefinite.contains(1)), indefinite.contains(0));
    }
};

// Variations of a well-formed signature or token (`der`, which must use a two-byte long length at the outer level)
// that a strict reader leaves to the whole decode, named for failure messages: BER indefinite lengths at each level,
// a non-minimal outer length, a certificate twice, other CertificateChoices in place of the second certificate, an
// empty, misplaced ([1]) or doubled certificates field, trailing bytes that are not zero padding, the object twice.
inline QList<QPair<QString, QByteArray>> fallbackVariants(const QByteArray& der)
{
    const SignedDataLayout layout = SignedDataLayout::of(der);
    QList<QPair<QString, QByteArray>> variants;
    for (int level = 0; level <= 3; ++level)
        variants.append({QStringLiteral("indefinite at level %1").arg(level), layout.assemble({level})});
    QByteArray longForm = der;
    longForm.insert(2, '\0');
    longForm[1] = '\x83';
    variants.append({QStringLiteral("non-minimal length"), longForm});
    SignedDataLayout duplicate = layout;
    duplicate.certificates.append(layout.certificates.at(1));
    variants.append({QStringLiteral("duplicate"), duplicate.assemble()});
    // [0] extendedCertificate, [1] v1AttrCert, [2] v2AttrCert, [3] other.
    for (const char tag : {'\xa0', '\xa1', '\xa2', '\xa3'}) {
        SignedDataLayout other = layout;
        other.certificates[1][0] = tag;
        variants.append({QStringLiteral("choice %1").arg(quint8(tag), 0, 16), other.assemble()});
    }
    SignedDataLayout empty = layout;
    empty.certificates.clear();
    variants.append({QStringLiteral("empty certificates"), empty.assemble()});
    SignedDataLayout misplaced = layout;
    misplaced.certificatesTag = 0xa1;
    variants.append({QStringLiteral("certificates as [1]"), misplaced.assemble()});
    SignedDataLayout doubled = layout;
    doubled.before.append(encode(0xa0, layout.certificates.join()));
    variants.append({QStringLiteral("certificates twice"), doubled.assemble()});
    variants.append({QStringLiteral("trailing garbage"), der + QByteArrayLiteral("\0\0\x01")});
    variants.append({QStringLiteral("twice over"), der + der});
    return variants;
}

} // namespace ikkatsu::test
