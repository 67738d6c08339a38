// GUI test of the batch confirmation's pre-flight: findings shown before the PIN, blocked files named with their
// reason in full, document passwords asked in a masked dialog (a wrong one leaves out that file only), PIN wiped.
#include "PdfFixtures.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "crypto/KeyStore.h"
#include "pdf/PdfSigner.h"
#include "services/LocalFolderFileSource.h"
#include "signing/BatchSignDialog.h"

#include <QDialog>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::ui;

class TestUiBatchPreflight : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findingsBeforePinBlockedNamedPasswordsAsked();

private:
    QTemporaryDir m_dir;
    QString m_keyStore;
    const QString m_pin = QStringLiteral("Secret123");
};

void TestUiBatchPreflight::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_keyStore = m_dir.filePath(QStringLiteral("me.p12"));
    QVERIFY(test::makeSelfSignedKeyStore(m_keyStore, m_pin, QStringLiteral("Taro Jushinsha"), QStringLiteral("総務部"))
                .ok());
}

void TestUiBatchPreflight::findingsBeforePinBlockedNamedPasswordsAsked()
{
    QTemporaryDir root;
    const QString folder = root.filePath(QStringLiteral("受領"));
    QVERIFY(QDir().mkpath(folder));
    auto at = [&](const QString& name) -> QString { return folder + QLatin1Char('/') + name; };
    // 1 plain; 2 certified "no changes allowed" by someone else; 3 and 4 need the user password "open-sesame".
    QVERIFY(test::writeSamplePdf(at(QStringLiteral("1-plain.pdf")), QStringLiteral("普通")));
    QVERIFY(test::writeSamplePdf(at(QStringLiteral("2-certified.pdf")), QStringLiteral("認証")));
    {
        const QString otherStore = m_dir.filePath(QStringLiteral("other.p12"));
        QVERIFY(
            test::makeSelfSignedKeyStore(otherStore, m_pin, QStringLiteral("Hanako Sender"), QStringLiteral("総務部"))
                .ok());
        auto store = KeyStore::open(otherStore, SecureBuffer::fromString(m_pin));
        QVERIFY(store.ok());
        CadesSigner signer(store->key(), store->chain());
        SignatureOptions options;
        options.certify = 1;
        const QString certified = at(QStringLiteral("2-certified.pdf"));
        QVERIFY(PdfSigner::signFile(certified, certified, signer, options).ok());
    }
    for (const QString& name : {QStringLiteral("3-password.pdf"), QStringLiteral("4-password.pdf")}) {
        const QString plain = m_dir.filePath(name);
        QVERIFY(test::writeSamplePdf(plain, QStringLiteral("暗号")));
        QCOMPARE(test::runQpdf(plain, at(name),
                     {QStringLiteral("--encrypt"), QStringLiteral("open-sesame"), QStringLiteral("owner"),
                         QStringLiteral("256"), QStringLiteral("--")}),
            QString());
    }

    LocalFolderFileSource source(root.path(), QStringLiteral("Taro Jushinsha"));
    auto all = source.scan();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 4);
    int rowOf[5] = {-1, -1, -1, -1, -1};
    for (int row = 0; row < all->size(); ++row)
        rowOf[all->at(row).name.left(1).toInt()] = row;

    BatchSignDialog dialog(&source, m_keyStore, *all);
    dialog.resize(1100, 680);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* pin = test::child<QLineEdit>(&dialog, QStringLiteral("batchPinEdit"));
    auto* start = test::child<QPushButton>(&dialog, QStringLiteral("batchStartButton"));
    auto* table = test::child<QTableWidget>(&dialog, QStringLiteral("batchFileTable"));
    QVERIFY(pin && start && table);
    // No PIN before the files were checked.
    QVERIFY(!pin->isEnabled());
    QVERIFY(!start->isEnabled());

    // The two password documents are asked for in turn: 3 gets the right password, 4 a wrong one.
    for (int asked = 0; asked < 2; ++asked) {
        QDialog* ask = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (ask = dialog.findChild<QDialog*>(QStringLiteral("documentPasswordDialog"))) && ask->isVisible(), 30000);
        QVERIFY(!pin->isEnabled());
        auto* edit = test::child<QLineEdit>(ask, QStringLiteral("documentPasswordEdit"));
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QString question;
        for (QLabel* label : ask->findChildren<QLabel*>())
            question += label->text();
        const bool right = question.contains(QStringLiteral("3-password.pdf"));
        QVERIFY2(right || question.contains(QStringLiteral("4-password.pdf")), qPrintable(question));
        QTest::keyClicks(edit, right ? QStringLiteral("open-sesame") : QStringLiteral("wrong-guess"));
        const QString held = edit->text(); // shares the edit's buffer: must be wiped, not just dropped
        QTest::mouseClick(test::child<QPushButton>(ask, QStringLiteral("documentPasswordOk")), Qt::LeftButton);
        QVERIFY(edit->text().isEmpty() || !ask->isVisible());
        QVERIFY2(std::all_of(held.begin(), held.end(), [](QChar c) { return c.isNull(); }), qPrintable(held));
        QTRY_VERIFY(dialog.findChild<QDialog*>(QStringLiteral("documentPasswordDialog")) == nullptr
            || !dialog.findChild<QDialog*>(QStringLiteral("documentPasswordDialog"))->isVisible());
    }
    QTRY_VERIFY_WITH_TIMEOUT(dialog.preflightDone(), 30000);
    QVERIFY(pin->isEnabled());

    // Findings are on screen before the PIN: the certified file is named with its reason in full.
    const int certifiedRow = rowOf[2];
    QCOMPARE(dialog.stageOf(certifiedRow), BatchSignDialog::Stage::Skipped);
    QCOMPARE(dialog.errorOf(certifiedRow).code, ErrorCode::PdfLockedByDocMdp);
    const QString status = table->item(certifiedRow, table->columnCount() - 1)->text();
    QVERIFY2(status.contains(QStringLiteral("E4005")) && status.contains(QStringLiteral("no changes allowed")),
        qPrintable(status));
    QVERIFY(table->item(certifiedRow, 0)->text() == QStringLiteral("2-certified.pdf"));
    // Shown in full: wrapped, not elided, the row tall enough for the wrapped text.
    QVERIFY(table->wordWrap());
    QCOMPARE(table->textElideMode(), Qt::ElideNone);
    const int statusWidth = table->columnWidth(table->columnCount() - 1);
    const QRect needed
        = table->fontMetrics().boundingRect(QRect(0, 0, statusWidth - 8, 10000), Qt::TextWordWrap, status);
    QVERIFY2(table->rowHeight(certifiedRow) >= needed.height(),
        qPrintable(QStringLiteral("%1 < %2").arg(table->rowHeight(certifiedRow)).arg(needed.height())));
    QString findings;
    for (int column = 0; column < table->columnCount(); ++column)
        findings += table->item(certifiedRow, column) ? table->item(certifiedRow, column)->text() : QString();
    QVERIFY(findings.contains(QStringLiteral("Hanako Sender")));
    // The wrong password leaves out that file only, with E4012; the right one is ready to sign.
    QCOMPARE(dialog.stageOf(rowOf[4]), BatchSignDialog::Stage::Skipped);
    QCOMPARE(dialog.errorOf(rowOf[4]).code, ErrorCode::PdfPasswordWrong);
    QCOMPARE(dialog.stageOf(rowOf[3]), BatchSignDialog::Stage::Waiting);
    QVERIFY(dialog.preflightOf(rowOf[3]).signable());
    QCOMPARE(dialog.stageOf(rowOf[1]), BatchSignDialog::Stage::Waiting);

    // The PIN: the edit's own buffer is wiped when it is taken (issue 13).
    QSignalSpy finished(&dialog, &BatchSignDialog::batchFinished);
    QTest::keyClicks(pin, m_pin);
    const QString heldPin = pin->text();
    QTest::keyClick(pin, Qt::Key_Return);
    QVERIFY(pin->text().isEmpty());
    QVERIFY2(std::all_of(heldPin.begin(), heldPin.end(), [](QChar c) { return c.isNull(); }), qPrintable(heldPin));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(dialog.signedCount(), 2);
    QCOMPARE(dialog.failedCount(), 0);

    const auto plain = test::pdfsig(at(QStringLiteral("1-plain.pdf")));
    QVERIFY2(plain.all().contains(QStringLiteral("Signature is Valid")), qPrintable(plain.all()));
    const auto encrypted = test::runTool(QStringLiteral("pdfsig"),
        {QStringLiteral("-upw"), QStringLiteral("open-sesame"), at(QStringLiteral("3-password.pdf"))});
    QVERIFY2(encrypted.all().contains(QStringLiteral("Signature is Valid")), qPrintable(encrypted.all()));
    // Blocked files are untouched: no signature added to the certified one, none to the wrong-password one.
    QCOMPARE(test::pdfsig(at(QStringLiteral("2-certified.pdf"))).all().count(QStringLiteral("Signature #")), 1);
    QVERIFY(!test::runTool(QStringLiteral("pdfsig"),
        {QStringLiteral("-upw"), QStringLiteral("open-sesame"), at(QStringLiteral("4-password.pdf"))})
                 .all()
                 .contains(QStringLiteral("Signature #1")));
}

QTEST_MAIN(TestUiBatchPreflight)
#include "tst_ui_batch_preflight.moc"
