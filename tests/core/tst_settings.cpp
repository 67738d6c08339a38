// Administrator policy: each key overrides the user's setting; the server URL may be left to the user.
#include "config/Settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ikkatsu;

class TestSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString policyFile(const QByteArray& ini)
    {
        const QString path = m_dir.filePath(QStringLiteral("policy-%1.conf").arg(++m_count));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(ini) != ini.size())
            return {};
        return path;
    }
    QString userFile() { return m_dir.filePath(QStringLiteral("user-%1.conf").arg(++m_count)); }
    int m_count = 0;

private slots:
    void defaultsWithoutPolicy()
    {
        Settings settings(m_dir.filePath(QStringLiteral("absent.conf")), userFile());
        QCOMPARE(settings.string(SettingKey::ServerUrl), QStringLiteral("http://127.0.0.1:8443"));
        QVERIFY(settings.flag(SettingKey::AdminModeAllowed));
        QVERIFY(settings.flag(SettingKey::UpdateCheck));
        QCOMPARE(settings.string(SettingKey::Language), QString());
        QVERIFY(!settings.isLockedByPolicy(SettingKey::ServerUrl));
    }

    void userSettingsOverrideDefaults()
    {
        Settings settings(m_dir.filePath(QStringLiteral("absent.conf")), userFile());
        QVERIFY(settings.setValue(SettingKey::Language, QStringLiteral("en")).ok());
        QVERIFY(settings.setValue(SettingKey::ServerUrl, QStringLiteral("https://sign.example.jp")).ok());
        QCOMPARE(settings.string(SettingKey::Language), QStringLiteral("en"));
        QCOMPARE(settings.string(SettingKey::ServerUrl), QStringLiteral("https://sign.example.jp"));
    }

    void policyOverridesEveryKey_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<QByteArray>("policyLine");
        QTest::addColumn<QVariant>("userValue");
        QTest::addColumn<QVariant>("expected");
        QTest::newRow("admin mode") << int(SettingKey::AdminModeAllowed) << QByteArray("[admin]\nallowed=0\n")
                                    << QVariant(true) << QVariant(false);
        QTest::newRow("language") << int(SettingKey::Language) << QByteArray("[ui]\nlanguage=ja\n")
                                  << QVariant(QStringLiteral("en")) << QVariant(QStringLiteral("ja"));
        QTest::newRow("update check") << int(SettingKey::UpdateCheck) << QByteArray("[updates]\ncheck=false\n")
                                      << QVariant(true) << QVariant(false);
        QTest::newRow("key store dir") << int(SettingKey::KeyStoreDirectory)
                                       << QByteArray("[signing]\nkeyStoreDirectory=/srv/keys\n")
                                       << QVariant(QStringLiteral("/home/me")) << QVariant(QStringLiteral("/srv/keys"));
        QTest::newRow("server url locked")
            << int(SettingKey::ServerUrl) << QByteArray("[server]\nurl=https://policy.example.jp\nallowUserChange=0\n")
            << QVariant(QStringLiteral("https://mine.example.jp"))
            << QVariant(QStringLiteral("https://policy.example.jp"));
    }

    void policyOverridesEveryKey()
    {
        QFETCH(int, key);
        QFETCH(QByteArray, policyLine);
        QFETCH(QVariant, userValue);
        QFETCH(QVariant, expected);
        const QString user = userFile();
        {
            QSettings raw(user, QSettings::IniFormat);
            raw.setValue(QLatin1String(settingDefinition(SettingKey(key)).name), userValue);
        }
        Settings settings(policyFile(policyLine), user);
        QCOMPARE(settings.value(SettingKey(key)), expected);
        QVERIFY(settings.isLockedByPolicy(SettingKey(key)));
        const Status refused = settings.setValue(SettingKey(key), userValue);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::AdminOnly);
    }

    void policyMayLeaveServerUrlToUser()
    {
        const QString policy = policyFile("[server]\nurl=https://preset.example.jp\nallowUserChange=1\n");
        Settings fresh(policy, userFile());
        QCOMPARE(fresh.string(SettingKey::ServerUrl), QStringLiteral("https://preset.example.jp"));
        QVERIFY(!fresh.isLockedByPolicy(SettingKey::ServerUrl));
        QVERIFY(fresh.setValue(SettingKey::ServerUrl, QStringLiteral("https://mine.example.jp")).ok());
        QCOMPARE(fresh.string(SettingKey::ServerUrl), QStringLiteral("https://mine.example.jp"));
    }

    void policyCannotPinPersonalState()
    {
        const QString user = userFile();
        Settings settings(policyFile("[login]\nlastUserId=someone\n"), user);
        QVERIFY(!settings.isLockedByPolicy(SettingKey::LastUserId));
        QVERIFY(settings.setValue(SettingKey::LastUserId, QStringLiteral("U0001")).ok());
        QCOMPARE(settings.string(SettingKey::LastUserId), QStringLiteral("U0001"));
    }

    void emptyPolicyValueMeansNotSet()
    {
        const QString user = userFile();
        Settings settings(policyFile("[server]\nurl=\n[admin]\nallowed=\n"), user);
        QVERIFY(!settings.isLockedByPolicy(SettingKey::ServerUrl));
        QVERIFY(!settings.isLockedByPolicy(SettingKey::AdminModeAllowed));
        QVERIFY(settings.flag(SettingKey::AdminModeAllowed));
        QCOMPARE(settings.string(SettingKey::ServerUrl), QStringLiteral("http://127.0.0.1:8443"));
    }

    void policyFileFromEnvironment()
    {
        qputenv("IKKATSU_POLICY_FILE", "/tmp/ikkatsu-test-policy.conf");
        QCOMPARE(Settings::defaultPolicyFile(), QStringLiteral("/tmp/ikkatsu-test-policy.conf"));
        qunsetenv("IKKATSU_POLICY_FILE");
        QCOMPARE(Settings::defaultPolicyFile(), QStringLiteral("/etc/xdg/Ikkatsu/policy.conf"));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
