// The manual's filter defaults and the Japanese labels of the file states.
#include "FileSource.h"

#include <QCoreApplication>

namespace ikkatsu::ui {

FileListFilter defaultFileFilter(const QDate& today)
{
    FileListFilter filter;
    filter.myStatus = MyStatus::Unprocessed;
    filter.registeredTo = today;
    filter.registeredFrom = today.addMonths(-3);
    return filter;
}

QString myStatusText(MyStatus status)
{
    switch (status) {
    case MyStatus::Unprocessed:
        return QCoreApplication::translate("FileSource", "Pending");
    case MyStatus::Processed:
        return QCoreApplication::translate("FileSource", "Done");
    }
    return {};
}

QString anySignatureStatusText()
{
    return QCoreApplication::translate("FileSource", "All data");
}

QString signatureStatusText(SignatureStatus status)
{
    switch (status) {
    case SignatureStatus::Unsigned:
        return QCoreApplication::translate("FileSource", "Unsigned");
    case SignatureStatus::Signing:
        return QCoreApplication::translate("FileSource", "Signing in progress");
    case SignatureStatus::Signed:
        return QCoreApplication::translate("FileSource", "Signed");
    }
    return {};
}

} // namespace ikkatsu::ui
