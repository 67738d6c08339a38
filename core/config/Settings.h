// The one table of configuration keys with defaults, read through the administrator policy overlay.
#pragma once

#include "common/Result.h"

#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

namespace ikkatsu {

// Every key the desktop app and the CLI read. The MSI's public properties write the policy values
// (packaging/windows/ikkatsu.wxs): SERVERURL → ServerUrl, ADMINMODE → AdminModeAllowed, LANGUAGE → Language.
enum class SettingKey {
    ServerUrl, // "server/url": the Ikkatsu server the app talks to
    AllowServerUrlEdit, // "server/allowUserChange": may the user change the server URL set by policy?
    AdminModeAllowed, // "admin/allowed": show admin mode to administrators
    Language, // "ui/language": "ja", "en", or empty for the system language
    UpdateCheck, // "updates/check": look for a newer version at start-up
    LastUserId, // "login/lastUserId": remembered on the login screen (user setting only)
    KeyStoreDirectory, // "signing/keyStoreDirectory": where the PKCS#12 lives; empty = app data directory
};

struct SettingDefinition
{
    SettingKey key;
    const char* name;
    QVariant defaultValue;
    bool policyAllowed; // false for per-user state that policy must not pin (e.g. the last user ID)
};

const SettingDefinition& settingDefinition(SettingKey key);

// Lookup order: administrator policy, then the user's settings, then the built-in default. The one
// exception is ServerUrl: a policy may allow users to change it (AllowServerUrlEdit), and then the user's
// value comes first.
//   Windows policy: HKLM\Software\Policies\Ikkatsu\Ikkatsu (values written by the MSI).
//   Linux policy:   /etc/xdg/Ikkatsu/policy.conf (INI), or $IKKATSU_POLICY_FILE (tests, packaging checks).
class Settings
{
public:
    // `userFile` empty: the platform's per-user location (QSettings "Ikkatsu"/"Ikkatsu").
    explicit Settings(const QString& policyFile = defaultPolicyFile(), const QString& userFile = {});
    ~Settings();

    static QString defaultPolicyFile();

    QVariant value(SettingKey key) const;
    QString string(SettingKey key) const { return value(key).toString(); }
    bool flag(SettingKey key) const { return value(key).toBool(); }

    // True when policy fixes the value so that the user cannot change it.
    bool isLockedByPolicy(SettingKey key) const;
    // Refused with AdminOnly (policy owns the key) when locked by policy.
    Status setValue(SettingKey key, const QVariant& value);
    void sync();

private:
    std::unique_ptr<QSettings> m_policy;
    std::unique_ptr<QSettings> m_user;
    bool policyHas(SettingKey key) const;
};

} // namespace ikkatsu
