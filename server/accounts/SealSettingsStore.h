// The 印影 settings of each user (本人情報 → 印影): read and replaced by the user only, every change audited.
#pragma once

#include "ServerContext.h"
#include "api/SealDto.h"

namespace ikkatsu::server {

class SealSettingsStore
{
public:
    explicit SealSettingsStore(ServerContext& context)
        : m_context(context)
    { }

    // The stored settings, or the defaults when the user never saved any.
    Result<api::SealSettings> get(const QString& userId) const;
    // Validates (api::SealSettings::validate) and replaces the user's settings; audited as seal.changed.
    Result<api::SealSettings> put(const QString& userId, const api::SealSettings& settings, const QString& remote);

private:
    ServerContext& m_context;
};

} // namespace ikkatsu::server
