// Settings with an administrator policy overlay, in the spirit of Nextcloud's configfile (policy > user > default).
#include "config/Settings.h"

#include <QFileInfo>

namespace ikkatsu {

namespace {

const SettingDefinition kDefinitions[] = {
    {SettingKey::ServerUrl, "server/url", QStringLiteral("http://127.0.0.1:8443"), true},
    {SettingKey::AllowServerUrlEdit, "server/allowUserChange", true, true},
    {SettingKey::AdminModeAllowed, "admin/allowed", true, true},
    {SettingKey::Language, "ui/language", QString(), true},
    {SettingKey::UpdateCheck, "updates/check", true, true},
    {SettingKey::LastUserId, "login/lastUserId", QString(), false},
    {SettingKey::KeyStoreDirectory, "signing/keyStoreDirectory", QString(), true},
};

QString keyName(SettingKey key)
{
    return QLatin1String(settingDefinition(key).name);
}

// Registry and INI values arrive as strings or DWORDs; "0", "false", "no" and "off" mean false.
QVariant normalised(SettingKey key, const QVariant& raw)
{
    if (settingDefinition(key).defaultValue.typeId() != QMetaType::Bool)
        return raw.toString();
    const QString text = raw.toString().trimmed().toLower();
    return !(text == QLatin1String("0") || text == QLatin1String("false") || text == QLatin1String("no")
        || text == QLatin1String("off") || text.isEmpty());
}

} // namespace

const SettingDefinition& settingDefinition(SettingKey key)
{
    for (const auto& definition : kDefinitions) {
        if (definition.key == key)
            return definition;
    }
    Q_UNREACHABLE();
}

Settings::Settings(const QString& policyFile, const QString& userFile)
{
#ifdef Q_OS_WIN
    Q_UNUSED(policyFile)
    m_policy = std::make_unique<QSettings>(
        QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\Ikkatsu\\Ikkatsu"), QSettings::NativeFormat);
#else
    if (!policyFile.isEmpty() && QFileInfo::exists(policyFile))
        m_policy = std::make_unique<QSettings>(policyFile, QSettings::IniFormat);
#endif
    if (userFile.isEmpty())
        m_user = std::make_unique<QSettings>(QStringLiteral("Ikkatsu"), QStringLiteral("Ikkatsu"));
    else
        m_user = std::make_unique<QSettings>(userFile, QSettings::IniFormat);
}

Settings::~Settings() = default;

QString Settings::defaultPolicyFile()
{
    const QString fromEnvironment = qEnvironmentVariable("IKKATSU_POLICY_FILE");
    return fromEnvironment.isEmpty() ? QStringLiteral("/etc/xdg/Ikkatsu/policy.conf") : fromEnvironment;
}

// An empty policy value means "not set": the MSI writes every policy value, empty when IT left the property out.
bool Settings::policyHas(SettingKey key) const
{
    return m_policy && settingDefinition(key).policyAllowed && m_policy->contains(keyName(key))
        && !m_policy->value(keyName(key)).toString().isEmpty();
}

bool Settings::isLockedByPolicy(SettingKey key) const
{
    if (!policyHas(key))
        return false;
    if (key == SettingKey::ServerUrl)
        return !flag(SettingKey::AllowServerUrlEdit);
    return true;
}

QVariant Settings::value(SettingKey key) const
{
    const bool userFirst = key == SettingKey::ServerUrl && !isLockedByPolicy(key);
    if (userFirst && m_user->contains(keyName(key)))
        return normalised(key, m_user->value(keyName(key)));
    if (policyHas(key))
        return normalised(key, m_policy->value(keyName(key)));
    if (m_user->contains(keyName(key)))
        return normalised(key, m_user->value(keyName(key)));
    return settingDefinition(key).defaultValue;
}

Status Settings::setValue(SettingKey key, const QVariant& value)
{
    if (isLockedByPolicy(key))
        return makeError(ErrorCode::AdminOnly, QStringLiteral("%1 is set by administrator policy").arg(keyName(key)));
    m_user->setValue(keyName(key), value);
    return {};
}

void Settings::sync()
{
    m_user->sync();
}

} // namespace ikkatsu
