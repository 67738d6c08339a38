// Batch journal: written atomically, so that a crash while writing it leaves the previous version.
#include "BatchJournal.h"

#include "common/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace ikkatsu::ui {

BatchJournal::BatchJournal(const QString& userId)
{
    QString name = userId;
    for (QChar& c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    m_path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/batches/") + name
        + QStringLiteral(".json");
}

QStringList BatchJournal::pending() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList ids;
    const auto list = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("pending")).toArray();
    for (const QJsonValue& id : list) {
        if (id.isString() && !id.toString().isEmpty())
            ids.append(id.toString());
    }
    return ids;
}

void BatchJournal::write(const QStringList& fileIds) const
{
    if (fileIds.isEmpty())
        return clear();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const QJsonObject object {{QStringLiteral("pending"), QJsonArray::fromStringList(fileIds)}};
    // A journal that cannot be written only costs the resume offer; signing itself stays safe.
    (void)writeFileAtomically(m_path, QJsonDocument(object).toJson(QJsonDocument::Compact), 0600);
}

void BatchJournal::clear() const
{
    QFile::remove(m_path);
}

} // namespace ikkatsu::ui
