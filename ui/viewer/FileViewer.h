// ファイル閲覧: the PDF rendered by Qt PDF (seals included) with page navigation and zoom, and a panel with every
// signature.
#pragma once

#include "crypto/Certificate.h"

namespace ikkatsu {
struct SignatureReport;
}

#include <QWidget>

class QComboBox;
class QLabel;
class QPdfDocument;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ikkatsu::ui {

class PageCanvas;

class FileViewer : public QWidget
{
    Q_OBJECT

public:
    explicit FileViewer(QWidget* parent = nullptr);

    // Shows `path`; signatures are verified against `trustAnchors` on a worker thread.
    void open(const QString& path, const QString& title, const QList<Certificate>& trustAnchors);
    int pageCount() const;
    int currentPage() const;
    QTableWidget* signatureTable() const { return m_signatures; }
    PageCanvas* canvas() const { return m_view; }
    // The panel's text for one signature, in words rather than distinguished names: signer and company, the
    // certificate's issuer, serial number and validity, signing time, later changes, the reason.
    static QString signatureSummary(const SignatureReport& signature);

signals:
    void signaturesInspected(int count);

private:
    void goToPage(int page);
    void applyZoom();
    void zoomBy(int steps);

    QPdfDocument* m_document = nullptr;
    PageCanvas* m_view = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QSpinBox* m_page = nullptr;
    QLabel* m_pageTotal = nullptr;
    QPushButton* m_zoomOut = nullptr;
    QPushButton* m_zoomIn = nullptr;
    QComboBox* m_zoom = nullptr;
    QTableWidget* m_signatures = nullptr;
    QLabel* m_signatureDetail = nullptr;
    QLabel* m_error = nullptr;
    quint64 m_generation = 0;
};

} // namespace ikkatsu::ui
