// Qt's side of the platform layer: paths and system errors of NativeFile as Qt strings and Error values.
#pragma once

#include "common/Result.h"
#include "platform/NativeFile.h"

#include <QDir>
#include <QFile>
#include <QString>

namespace ikkatsu::platform {

inline NativePath nativePath(const QString& path)
{
#ifdef _WIN32
    return QDir::toNativeSeparators(path).toStdWString();
#else
    return QFile::encodeName(path).toStdString();
#endif
}

// "what path: system message", with the code that tells the user what failed.
inline Error fileError(ErrorCode code, const QString& what, const QString& path, int error)
{
    return makeError(code, QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(systemErrorText(error))));
}

} // namespace ikkatsu::platform
