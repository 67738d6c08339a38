// The names of the PAdES baseline levels, as ETSI EN 319 142-1 writes them.
#include "api/SigningLevel.h"

#include <QStringList>

namespace ikkatsu {

namespace {

const QStringList& levelNames()
{
    static const QStringList names {
        QStringLiteral("B-B"), QStringLiteral("B-T"), QStringLiteral("B-LT"), QStringLiteral("B-LTA")};
    return names;
}

} // namespace

QString signingLevelName(SigningLevel level)
{
    return levelNames().at(int(level));
}

std::optional<SigningLevel> parseSigningLevel(const QString& name)
{
    const qsizetype index = levelNames().indexOf(name);
    if (index < 0)
        return std::nullopt;
    return SigningLevel(index);
}

} // namespace ikkatsu
