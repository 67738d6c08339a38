// Sample data for the GUI tests, made with the real core (key store, signer) and Qt's PDF writer.
#include "UiTestSupport.h"

#include "crypto/KeyStore.h"
#include "pdf/PdfSigner.h"

#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>

namespace ikkatsu::test {

void typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

bool writeSamplePdf(const QString& path, const QString& title, int pages)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(96);
    writer.setTitle(title);
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        QFont font(QStringLiteral("Noto Sans CJK JP"));
        font.setPixelSize(28);
        painter.setFont(font);
        painter.drawText(QRect(60, 60, 680, 60), Qt::AlignLeft, title);
        font.setPixelSize(16);
        painter.setFont(font);
        painter.drawText(QRect(60, 130, 680, 40), Qt::AlignLeft,
            QStringLiteral("建築確認申請書 — %1 / %2 ページ").arg(page + 1).arg(pages));
        painter.setPen(QPen(QColor(0x1f, 0x3b, 0x5c), 2));
        painter.drawRect(60, 190, 660, 400);
        for (int line = 0; line < 10; ++line)
            painter.drawLine(80, 230 + line * 34, 700, 230 + line * 34);
    }
    return painter.end();
}

Status makeSelfSignedKeyStore(
    const QString& path, const QString& pin, const QString& commonName, const QString& company)
{
    auto key = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
    IKK_TRY(key);
    SubjectName subject;
    subject.commonName = commonName;
    subject.companyUnit = company;
    subject.serviceUnit = QStringLiteral("Ikkatsu");
    subject.organization = QStringLiteral("Ikkatsu Test");
    auto certificate = createSelfSignedCertificate(*key, subject, 365);
    IKK_TRY(certificate);
    return KeyStore::create(path, *key, {*certificate}, SecureBuffer::fromString(pin), true);
}

Status signWithKeyStore(const QString& path, const QString& keyStorePath, const QString& pin)
{
    auto store = KeyStore::open(keyStorePath, SecureBuffer::fromString(pin));
    IKK_TRY(store);
    CadesSigner signer(store->key(), store->chain());
    SignatureOptions options;
    options.reason = QStringLiteral("承認");
    auto signedFile = PdfSigner::signFile(path, path, signer, options);
    IKK_TRY(signedFile);
    return {};
}

} // namespace ikkatsu::test
