// The error-code table: codes are unique, in their documented ranges, and round-trip through text.
#include "api/ErrorCode.h"
#include "common/Result.h"

#include <QSet>
#include <QTest>

using namespace ikkatsu;

class TestErrorCode : public QObject
{
    Q_OBJECT
private slots:
    void codeTextIsFourDigits()
    {
        QCOMPARE(errorCodeText(ErrorCode::SessionExpired), QStringLiteral("E1203"));
        QCOMPARE(errorCodeText(ErrorCode::PdfEncrypted), QStringLiteral("E4002"));
    }

    void roundTrip()
    {
        ErrorCode parsed = ErrorCode::Unexpected;
        QVERIFY(parseErrorCode(QStringLiteral("E2003"), &parsed));
        QCOMPARE(parsed, ErrorCode::PinWrong);
        QVERIFY(!parseErrorCode(QStringLiteral("E0000"), &parsed));
        QVERIFY(!parseErrorCode(QStringLiteral("X2003"), &parsed));
        QVERIFY(!parseErrorCode(QStringLiteral("E20033"), &parsed));
    }

    void everyCodeHasAMessageAndAStatus()
    {
        QSet<int> seen;
#define CHECK_ROW(name, number, http)                                                                                  \
    QVERIFY2(!seen.contains(number), #name);                                                                           \
    seen.insert(number);                                                                                               \
    QVERIFY(number >= 1000 && number <= 9999);                                                                         \
    QVERIFY(http >= 400 && http <= 599);                                                                               \
    QVERIFY(!errorMessage(ErrorCode::name).isEmpty());                                                                 \
    QCOMPARE(errorHttpStatus(ErrorCode::name), http);
        IKKATSU_ERROR_CODES(CHECK_ROW)
#undef CHECK_ROW
        QVERIFY(seen.size() > 40);
    }

    void resultCarriesValueOrError()
    {
        Result<int> good(42);
        QVERIFY(good.ok());
        QCOMPARE(*good, 42);
        Result<int> bad(makeError(ErrorCode::PinPolicy, QStringLiteral("too short")));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::PinPolicy);
        QCOMPARE(bad.error().codeText(), QStringLiteral("E2001"));
    }
};

QTEST_GUILESS_MAIN(TestErrorCode)
#include "tst_errorcode.moc"
