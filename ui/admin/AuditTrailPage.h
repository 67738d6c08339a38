// 操作履歴 (admin mode): the audit trail of administrators' actions and sign-ins, filtered on the server, exported as
// CSV.
#pragma once

#include "services/AdminService.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace ikkatsu::ui {

class PeriodFilter;
class TrailTable;

class AuditTrailPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 200;

    explicit AuditTrailPage(QWidget* parent = nullptr);

    void setService(AdminService* service);
    // Fetches the current filter's page again.
    void refresh();
    // Forgets everything shown (at logout).
    void clear();

    // The filter as the form shows it (paging included).
    api::AuditFilter filter() const;
    int rowCount() const;
    QString cell(int row, int column) const;
    // What the save dialog's choice leads to: fetches the CSV for the current filter and writes it atomically.
    void exportCsvTo(const QString& path);

    // "ユーザ登録" for user.registered; an event this version does not know shows as its raw name.
    static QString eventLabel(const QString& event);
    // The server's detail ("file=f3k9 name=工程表.pdf viewers=1 signers=3", "company,email", "5 wrong passwords")
    // in words: 「ファイル名: 工程表.pdf、閲覧者: 1 名、署名者: 3 名」. Unknown parts are kept as they are.
    static QString detailText(const QString& event, const QString& detail);

    enum Column { TimeColumn, EventColumn, ActorColumn, SubjectColumn, DetailColumn, RemoteColumn, ColumnCount };

signals:
    void failed(const ikkatsu::Error& error);
    void listed();
    void exported(const QString& path);

private:
    void search();
    void showPage(const api::AuditPage& page);
    void reportError(const Error& error);

    AdminService* m_service = nullptr;
    api::AuditFilter m_filter;

    PeriodFilter* m_period = nullptr;
    QLineEdit* m_actor = nullptr;
    QLineEdit* m_subject = nullptr;
    QComboBox* m_event = nullptr;
    QPushButton* m_export = nullptr;
    TrailTable* m_table = nullptr;
};

} // namespace ikkatsu::ui
