// ファイル閲覧: the PDF rendered by Qt PDF with page navigation and zoom, and a panel with every signature.
#pragma once

#include "crypto/Certificate.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPdfDocument;
class QPdfView;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ikkatsu::ui {

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

signals:
    void signaturesInspected(int count);

private:
    void goToPage(int page);
    void applyZoom();
    void zoomBy(int steps);

    QPdfDocument* m_document;
    QPdfView* m_view;
    QPushButton* m_previous;
    QPushButton* m_next;
    QSpinBox* m_page;
    QLabel* m_pageTotal;
    QPushButton* m_zoomOut;
    QPushButton* m_zoomIn;
    QComboBox* m_zoom;
    QTableWidget* m_signatures;
    QLabel* m_signatureDetail;
    QLabel* m_error;
    quint64 m_generation = 0;
};

} // namespace ikkatsu::ui
