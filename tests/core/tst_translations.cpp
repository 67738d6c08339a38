// Japanese must be complete: every tr() string of the sources has a finished Japanese translation, and the
// embedded translations load.
#include "TestConfig.h"
#include "TestSupport.h"
#include "api/ErrorCode.h"
#include "config/Language.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ikkatsu;

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void everySourceStringHasJapanese()
    {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("ikkatsu_ja.ts"));
        QVERIFY(QFile::copy(QStringLiteral(IKKATSU_SOURCE_DIR "/translations/ikkatsu_ja.ts"), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QStringList arguments {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete")};
        for (const char* area : {"core", "app", "ui", "server"}) {
            QDirIterator it(QStringLiteral(IKKATSU_SOURCE_DIR "/") + QLatin1String(area),
                {QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("*.ui")}, QDir::Files,
                QDirIterator::Subdirectories);
            while (it.hasNext())
                arguments << it.next();
        }
        arguments << QStringLiteral("-ts") << ts;
        const auto run = test::runTool(QStringLiteral("/usr/lib/qt6/bin/lupdate"), arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString content = QString::fromUtf8(test::readAll(ts));
        QVERIFY(content.contains(QStringLiteral("<context>")));
        // Report the untranslated sources by name so that whoever added them knows what to translate.
        QStringList missing;
        const QRegularExpression message(
            QStringLiteral("<source>(.*?)</source>\\s*(?:<comment>.*?</comment>\\s*)?<translation type=\"unfinished\""),
            QRegularExpression::DotMatchesEverythingOption);
        for (auto it = message.globalMatch(content); it.hasNext();)
            missing << it.next().captured(1);
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("untranslated (run the update_translations target and "
                                      "translate into Japanese):\n")
                + missing.join(QLatin1Char('\n'))));
    }

    void embeddedJapaneseLoads()
    {
        QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("ja"));
        QCOMPARE(errorMessage(ErrorCode::PinWrong), QStringLiteral("署名用暗証コードが正しくありません。"));
        QCOMPARE(effectiveLanguage(QStringLiteral("en")), QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
