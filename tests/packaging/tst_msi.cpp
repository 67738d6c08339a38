// Builds the Windows installer with wixl from the real .wxs (stand-in payload: Debian cannot build Windows
// binaries) and checks its tables with msiinfo: properties, policy registry values, upgrade, per-machine scope.
#include "TestConfig.h"
#include "TestSupport.h"
#include "config/Settings.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ikkatsu;

class TestMsi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_msi;

    // Rows of a table, tab-separated; the three header lines of msiinfo's IDT export are skipped.
    QList<QStringList> table(const QString& name)
    {
        const auto run = test::runTool(QStringLiteral("msiinfo"), {QStringLiteral("export"), m_msi, name});
        QList<QStringList> rows;
        const QStringList lines = QString::fromUtf8(run.out).remove(QLatin1Char('\r')).split(QLatin1Char('\n'));
        for (qsizetype i = 3; i < lines.size(); ++i) {
            if (!lines[i].isEmpty())
                rows << lines[i].split(QLatin1Char('\t'));
        }
        return rows;
    }
    QString property(const QString& name)
    {
        for (const QStringList& row : table(QStringLiteral("Property"))) {
            if (row.value(0) == name)
                return row.value(1);
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString payload = m_dir.filePath(QStringLiteral("stand-in-payload"));
        QVERIFY(QDir().mkpath(payload));
        // Named as what it is: not a Windows program.
        for (const char* name : {"ikkatsu.exe", "ikkatsu-cli.exe"})
            QVERIFY(test::writeAll(payload + QLatin1Char('/') + QLatin1String(name),
                QByteArrayLiteral("stand-in payload for the installer check, not a Windows binary\n")));
        m_msi = m_dir.filePath(QStringLiteral("ikkatsu-stand-in.msi"));
        const auto build = test::runTool(QStringLiteral(IKKATSU_SOURCE_DIR "/packaging/windows/build-msi"),
            {payload, m_msi, QStringLiteral("1.2.3")});
        QVERIFY2(build.exitCode == 0, qPrintable(build.all()));
    }

    void perMachineWithProductData()
    {
        QCOMPARE(property(QStringLiteral("ALLUSERS")), QStringLiteral("1"));
        QCOMPARE(property(QStringLiteral("ProductVersion")), QStringLiteral("1.2.3"));
        QCOMPARE(property(QStringLiteral("ProductName")), QStringLiteral("Ikkatsu"));
        QCOMPARE(property(QStringLiteral("UpgradeCode")), QStringLiteral("{6C0E7F52-3B1D-4E0A-9B6F-1A2D3C4B5E6F}"));
    }

    void publicPropertiesAreSecure()
    {
        const QStringList listed = property(QStringLiteral("SecureCustomProperties")).split(QLatin1Char(';'));
        const QSet<QString> secure(listed.begin(), listed.end());
        for (const char* name : {"SERVERURL", "ADMINMODE", "LANGUAGE", "NO_DESKTOP_SHORTCUT", "LAUNCH",
                 "ALLOWSERVERURLCHANGE", "UPDATECHECK"})
            QVERIFY2(secure.contains(QLatin1String(name)), name);
    }

    void policyRegistryMatchesTheSettingsTable()
    {
        // Each MSI property lands in HKLM\Software\Policies\Ikkatsu\Ikkatsu under the very key name the app reads.
        const QList<QPair<QString, SettingKey>> expected {
            {QStringLiteral("[SERVERURL]"), SettingKey::ServerUrl},
            {QStringLiteral("[ALLOWSERVERURLCHANGE]"), SettingKey::AllowServerUrlEdit},
            {QStringLiteral("[ADMINMODE]"), SettingKey::AdminModeAllowed},
            {QStringLiteral("[LANGUAGE]"), SettingKey::Language},
            {QStringLiteral("[UPDATECHECK]"), SettingKey::UpdateCheck},
        };
        const auto rows = table(QStringLiteral("Registry"));
        for (const auto& [value, key] : expected) {
            bool found = false;
            for (const QStringList& row : rows) {
                if (row.value(4) != value)
                    continue;
                found = true;
                QCOMPARE(row.value(1), QStringLiteral("2")); // HKLM
                const QString settingName = QLatin1String(settingDefinition(key).name);
                const QString group = settingName.section(QLatin1Char('/'), 0, 0);
                QCOMPARE(row.value(2), QStringLiteral("Software\\Policies\\Ikkatsu\\Ikkatsu\\") + group);
                QCOMPARE(row.value(3), settingName.section(QLatin1Char('/'), 1));
            }
            QVERIFY2(found, qPrintable(value));
        }
    }

    void majorUpgradeAndDowngradeGuard()
    {
        const auto rows = table(QStringLiteral("Upgrade"));
        QCOMPARE(rows.size(), 2);
        QStringList actions;
        for (const QStringList& row : rows)
            actions << row.value(6);
        QVERIFY(actions.contains(QStringLiteral("WIX_UPGRADE_DETECTED")));
        QVERIFY(actions.contains(QStringLiteral("WIX_DOWNGRADE_DETECTED")));
        bool removesOld = false;
        for (const QStringList& row : table(QStringLiteral("InstallExecuteSequence")))
            removesOld = removesOld || row.value(0) == QLatin1String("RemoveExistingProducts");
        QVERIFY(removesOld);
    }

    void shortcutAndLaunchFollowTheirProperties()
    {
        const auto conditions = table(QStringLiteral("Condition"));
        QCOMPARE(conditions.size(), 1);
        QCOMPARE(conditions.front(),
            (QStringList {
                QStringLiteral("DesktopShortcutFeature"), QStringLiteral("0"), QStringLiteral("NO_DESKTOP_SHORTCUT")}));
        bool launch = false;
        for (const QStringList& row : table(QStringLiteral("InstallExecuteSequence")))
            launch = launch
                || (row.value(0) == QLatin1String("LaunchIkkatsu") && row.value(1).contains(QLatin1String("LAUNCH")));
        QVERIFY(launch);
        QCOMPARE(table(QStringLiteral("File")).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestMsi)
#include "tst_msi.moc"
