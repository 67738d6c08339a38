// The manual's filter defaults and the Japanese labels of the file states.
#include "FileSource.h"

#include <QCoreApplication>

namespace ikkatsu::ui {

FileListFilter FileListFilter::defaults(const QDate& today)
{
    FileListFilter filter;
    filter.registeredTo = today;
    filter.registeredFrom = today.addMonths(-3);
    return filter;
}

QString myStatusText(MyStatus status)
{
    switch (status) {
    case MyStatus::Pending:
        return QCoreApplication::translate("FileSource", "Pending");
    case MyStatus::Done:
        return QCoreApplication::translate("FileSource", "Done");
    }
    return {};
}

QString signatureStateText(SignatureState state)
{
    switch (state) {
    case SignatureState::Any:
        return QCoreApplication::translate("FileSource", "All data");
    case SignatureState::Unsigned:
        return QCoreApplication::translate("FileSource", "Unsigned");
    case SignatureState::InProgress:
        return QCoreApplication::translate("FileSource", "Signing in progress");
    case SignatureState::Signed:
        return QCoreApplication::translate("FileSource", "Signed");
    }
    return {};
}

} // namespace ikkatsu::ui
