// Builds the Windows installer with wixl from the real .wxs (stand-in payload: Debian cannot build Windows
// binaries) and checks its tables with msiinfo: properties, policy registry values, upgrade, per-machine scope,
// and the harvested Qt runtime.
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
    QString m_payload;
    QString m_runtime;
    QStringList m_runtimeFiles; // relative to the runtime folder

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
    static QStringList requiredRuntime()
    {
        QStringList files;
        const QString text = QString::fromUtf8(
            test::readAll(QStringLiteral(IKKATSU_SOURCE_DIR "/packaging/windows/runtime-required.txt")));
        for (QString line : text.split(QLatin1Char('\n'))) {
            line = line.section(QLatin1Char('#'), 0, 0).trimmed();
            if (!line.isEmpty())
                files << line;
        }
        return files;
    }
    static bool writeStandIn(const QString& path)
    {
        return QDir().mkpath(QFileInfo(path).path())
            && test::writeAll(
                path, QByteArrayLiteral("stand-in payload for the installer check, not a Windows file\n"));
    }
    test::ToolRun buildMsi(const QString& payload, const QString& runtime, const QString& out)
    {
        return test::runTool(QStringLiteral(IKKATSU_SOURCE_DIR "/packaging/windows/build-msi"),
            {payload, runtime, out, QStringLiteral("1.2.3")});
    }
    // The install path of an MSI directory, following Directory_Parent up to INSTALLDIR ("." = the parent itself).
    static QString installPath(const QHash<QString, QStringList>& directories, QString id)
    {
        QStringList parts;
        while (id != QLatin1String("INSTALLDIR")) {
            const QStringList row = directories.value(id);
            if (row.isEmpty())
                return QStringLiteral("<outside INSTALLDIR>");
            const QString name = row.value(2).section(QLatin1Char('|'), -1);
            if (name != QLatin1String("."))
                parts.prepend(name);
            id = row.value(1);
        }
        return parts.join(QLatin1Char('/'));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Named as what they are: not Windows programs. The runtime holds the required files and some extras that
        // windeployqt adds, to show that everything in the folder is harvested, not only the list.
        m_payload = m_dir.filePath(QStringLiteral("stand-in-payload"));
        m_runtime = m_dir.filePath(QStringLiteral("stand-in-runtime"));
        for (const char* name : {"ikkatsu.exe", "ikkatsu-cli.exe"})
            QVERIFY(writeStandIn(m_payload + QLatin1Char('/') + QLatin1String(name)));
        m_runtimeFiles = requiredRuntime();
        QVERIFY(m_runtimeFiles.contains(QStringLiteral("platforms/qwindows.dll")));
        m_runtimeFiles << QStringLiteral("styles/qwindowsvistastyle.dll") << QStringLiteral("tls/qschannelbackend.dll")
                       << QStringLiteral("imageformats/qsvg.dll") << QStringLiteral("translations/qtbase_en.qm");
        for (const QString& file : std::as_const(m_runtimeFiles))
            QVERIFY(writeStandIn(m_runtime + QLatin1Char('/') + file));
        m_msi = m_dir.filePath(QStringLiteral("ikkatsu-stand-in.msi"));
        const auto build = buildMsi(m_payload, m_runtime, m_msi);
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
    }

    void runtimeIsHarvestedIntoTheMainFeature()
    {
        QHash<QString, QStringList> directories;
        for (const QStringList& row : table(QStringLiteral("Directory")))
            directories.insert(row.value(0), row);
        QHash<QString, QString> componentDirectory;
        for (const QStringList& row : table(QStringLiteral("Component")))
            componentDirectory.insert(row.value(0), row.value(2));
        QSet<QString> inCompleteFeature;
        for (const QStringList& row : table(QStringLiteral("FeatureComponents"))) {
            if (row.value(0) == QLatin1String("Complete"))
                inCompleteFeature.insert(row.value(1));
        }

        QStringList installed;
        for (const QStringList& row : table(QStringLiteral("File"))) {
            const QString component = row.value(1);
            QVERIFY2(inCompleteFeature.contains(component), qPrintable(row.value(2)));
            const QString folder = installPath(directories, componentDirectory.value(component));
            const QString name = row.value(2).section(QLatin1Char('|'), -1);
            installed << (folder.isEmpty() ? name : folder + QLatin1Char('/') + name);
        }
        QStringList expected = m_runtimeFiles;
        expected << QStringLiteral("ikkatsu.exe") << QStringLiteral("ikkatsu-cli.exe");
        expected.sort();
        installed.sort();
        QCOMPARE(installed, expected);
    }

    void everyQtLibraryOfTheAppIsRequired()
    {
        // The Linux build of the same app tells which Qt modules it loads; each needs its DLL in the installer.
        const auto ldd = test::runTool(QStringLiteral("ldd"), {QStringLiteral(IKKATSU_BINARY_DIR "/app/ikkatsu")});
        QCOMPARE(ldd.exitCode, 0);
        const QStringList required = requiredRuntime();
        static const QRegularExpression qtLibrary(QStringLiteral("libQt6(\\w+)\\.so"));
        int checked = 0;
        for (auto it = qtLibrary.globalMatch(QString::fromUtf8(ldd.out)); it.hasNext();) {
            const QString module = it.next().captured(1);
            if (module == QLatin1String("DBus") || module == QLatin1String("XcbQpa"))
                continue; // Linux-only parts of Qt
            QVERIFY2(required.contains(QStringLiteral("Qt6%1.dll").arg(module)), qPrintable(module));
            ++checked;
        }
        QVERIFY(checked >= 5);
    }

    void incompleteRuntimeIsRefused_data()
    {
        QTest::addColumn<QString>("remove");
        QTest::addColumn<QString>("named");
        QTest::newRow("platform plugin") << QStringLiteral("runtime/platforms/qwindows.dll")
                                         << QStringLiteral("platforms/qwindows.dll");
        QTest::newRow("Qt core") << QStringLiteral("runtime/Qt6Core.dll") << QStringLiteral("Qt6Core.dll");
        QTest::newRow("OpenSSL") << QStringLiteral("runtime/libcrypto-3-x64.dll")
                                 << QStringLiteral("libcrypto-3-x64.dll");
        QTest::newRow("executable") << QStringLiteral("payload/ikkatsu-cli.exe") << QStringLiteral("ikkatsu-cli.exe");
    }
    void incompleteRuntimeIsRefused()
    {
        QFETCH(QString, remove);
        QFETCH(QString, named);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto copy = test::runTool(
            QStringLiteral("cp"), {QStringLiteral("-r"), m_payload, dir.filePath(QStringLiteral("payload"))});
        QCOMPARE(copy.exitCode, 0);
        QCOMPARE(test::runTool(
                     QStringLiteral("cp"), {QStringLiteral("-r"), m_runtime, dir.filePath(QStringLiteral("runtime"))})
                     .exitCode,
            0);
        QVERIFY(QFile::remove(dir.filePath(remove)));
        const QString out = dir.filePath(QStringLiteral("out.msi"));
        const auto build
            = buildMsi(dir.filePath(QStringLiteral("payload")), dir.filePath(QStringLiteral("runtime")), out);
        QCOMPARE(build.exitCode, 2);
        QVERIFY2(build.all().contains(named), qPrintable(build.all()));
        QVERIFY(!QFileInfo::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestMsi)
#include "tst_msi.moc"
