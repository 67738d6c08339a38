// The viewer renders with Qt PDF only (pages of the display copy, so that seals show); signature verdicts come from
// our own verifier reading the original file, never from the renderer.
#include "FileViewer.h"

#include "Async.h"
#include "PageCanvas.h"
#include "Style.h"
#include "pdf/SignatureInspector.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMultiHash>
#include <QPdfDocument>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace ikkatsu::ui {

namespace {

const qreal kZoomSteps[] = {0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0};

QString verdictText(const SignatureReport& signature)
{
    switch (signature.verdict) {
    case SignatureVerdict::Valid:
        return FileViewer::tr("Valid");
    case SignatureVerdict::ValidUntrusted:
        return FileViewer::tr("Valid (signer not trusted)");
    case SignatureVerdict::Invalid:
        return FileViewer::tr("Invalid");
    }
    return {};
}

// The attributes of an RFC 2253 name ("CN=Ikkatsu Issuing CA,O=Ikkatsu Trust Services"), escapes undone.
QMultiHash<QString, QString> nameParts(const QString& rfc2253)
{
    QMultiHash<QString, QString> parts;
    QString current;
    bool escaped = false;
    const auto flush = [&] {
        const qsizetype equals = current.indexOf(QLatin1Char('='));
        if (equals > 0)
            parts.insert(current.left(equals).trimmed().toUpper(), current.mid(equals + 1).trimmed());
        current.clear();
    };
    for (const QChar c : rfc2253) {
        if (escaped) {
            current += c;
            escaped = false;
        } else if (c == QLatin1Char('\\')) {
            escaped = true;
        } else if (c == QLatin1Char(',') || c == QLatin1Char('+')) {
            flush();
        } else {
            current += c;
        }
    }
    flush();
    return parts;
}

// "Name (Organisation)" from a distinguished name, for people rather than the raw DN.
QString readableName(const QString& rfc2253)
{
    const QMultiHash<QString, QString> parts = nameParts(rfc2253);
    const QString name = parts.value(QStringLiteral("CN"));
    QString organisation = parts.value(QStringLiteral("O"));
    if (organisation.isEmpty())
        organisation = parts.value(QStringLiteral("OU"));
    if (name.isEmpty())
        return organisation.isEmpty() ? rfc2253 : organisation;
    return organisation.isEmpty() ? name : FileViewer::tr("%1 (%2)").arg(name, organisation);
}

// The ETSI indication and what happened after the signature, for the detail pane.
QString changesText(const SignatureReport& signature)
{
    QString text = FileViewer::tr("Result: %1").arg(indicationLabel(signature.indication));
    if (!signature.subIndication.isEmpty())
        text += QStringLiteral(" / ") + signature.subIndication;
    if (signature.certification)
        text += QLatin1Char('\n')
            + FileViewer::tr("Certification signature (DocMDP P=%1)").arg(signature.docMdpPermission);
    if (!signature.coversWholeDocument)
        text += QLatin1Char('\n')
            + FileViewer::tr("Changes after signing: %1 (allowed: %2)")
                  .arg(modificationLevelLabel(signature.modificationLevel),
                      modificationLevelLabel(signature.allowedLevel));
    for (const pdf::ObjectChange& change : signature.disallowedChanges)
        text += QLatin1Char('\n')
            + FileViewer::tr("Not allowed: object %1 (%2): %3").arg(change.number).arg(change.what, change.change);
    return text;
}

} // namespace

QString FileViewer::signatureSummary(const SignatureReport& signature)
{
    const Certificate& certificate = signature.signerCertificate;
    const SubjectName subject = certificate.subject();
    const QString company = subject.companyUnit.isEmpty() ? subject.organization : subject.companyUnit;
    const QString signer = company.isEmpty() ? signature.signerName : tr("%1 (%2)").arg(signature.signerName, company);
    const QString format = QStringLiteral("yyyy/MM/dd");
    QStringList lines;
    const QString timeFormat = QStringLiteral("yyyy/MM/dd HH:mm:ss");
    if (signature.documentTimestamp) {
        // An archive timestamp names no signer: say what it proves and until when.
        lines << tr("Document timestamp (keeps the signatures before it verifiable)");
        lines << tr("Timestamp authority: %1").arg(signer);
        lines << tr("Time proven: %1").arg(signature.timestampTime.toLocalTime().toString(timeFormat));
        if (signature.validUntil.isValid())
            lines << tr("Verifiable until: %1").arg(signature.validUntil.toLocalTime().toString(format));
        if (signature.verdict != SignatureVerdict::Valid)
            lines << errorText(signature.problem);
        lines << changesText(signature);
        return lines.join(QLatin1Char('\n'));
    }
    lines << tr("Signer: %1").arg(signer);
    lines << tr("Certificate issuer: %1").arg(readableName(certificate.issuerText()));
    lines << tr("Certificate serial number: %1").arg(certificate.serialNumberHex());
    lines << tr("Certificate validity: %1 to %2")
                 .arg(certificate.notBefore().toLocalTime().toString(format),
                     certificate.notAfter().toLocalTime().toString(format));
    lines << tr("Signing time: %1").arg(signature.claimedSigningTime.toLocalTime().toString(timeFormat));
    if (!signature.level.isEmpty())
        lines << tr("Signature level: PAdES %1").arg(signature.level);
    if (signature.timestampTime.isValid())
        lines << tr("Timestamp: %1 (proven by the timestamp authority)")
                     .arg(signature.timestampTime.toLocalTime().toString(timeFormat));
    if (signature.validUntil.isValid())
        lines << tr("Verifiable until: %1").arg(signature.validUntil.toLocalTime().toString(format));
    lines << (signature.laterRevisions == 0
            ? tr("Changes after this signature: none")
            : tr("Changes after this signature: %n revision(s) added", nullptr, signature.laterRevisions));
    if (!signature.reason.isEmpty())
        lines << tr("Reason: %1").arg(signature.reason);
    if (signature.verdict != SignatureVerdict::Valid)
        lines << errorText(signature.problem);
    lines << changesText(signature);
    return lines.join(QLatin1Char('\n'));
}

FileViewer::FileViewer(QWidget* parent)
    : QWidget(parent)
    , m_document(new QPdfDocument(this))
{
    setWindowTitle(tr("View file"));
    setObjectName(QStringLiteral("fileViewer"));
    setAttribute(Qt::WA_StyledBackground, true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 12);

    auto* tools = new QHBoxLayout;
    m_previous = makeButton(tr("Previous page"), QStringLiteral("viewerPreviousPage"), false, this);
    m_page = new QSpinBox(this);
    m_page->setObjectName(QStringLiteral("viewerPageSpin"));
    m_page->setMinimum(1);
    m_pageTotal = new QLabel(this);
    m_pageTotal->setObjectName(QStringLiteral("viewerPageTotal"));
    m_next = makeButton(tr("Next page"), QStringLiteral("viewerNextPage"), false, this);
    m_zoomOut = makeButton(QStringLiteral("−"), QStringLiteral("viewerZoomOut"), false, this);
    m_zoomOut->setToolTip(tr("Zoom out"));
    m_zoomOut->setAccessibleName(tr("Zoom out"));
    m_zoomIn = makeButton(QStringLiteral("+"), QStringLiteral("viewerZoomIn"), false, this);
    m_zoomIn->setToolTip(tr("Zoom in"));
    m_zoomIn->setAccessibleName(tr("Zoom in"));
    m_zoom = new QComboBox(this);
    m_zoom->setObjectName(QStringLiteral("viewerZoomCombo"));
    m_zoom->addItem(tr("Fit width"), 0.0);
    m_zoom->addItem(tr("Whole page"), -1.0);
    for (const qreal step : kZoomSteps)
        m_zoom->addItem(QStringLiteral("%1%").arg(qRound(step * 100)), step);
    tools->addWidget(m_previous);
    tools->addWidget(m_page);
    tools->addWidget(m_pageTotal);
    tools->addWidget(m_next);
    tools->addSpacing(16);
    tools->addWidget(m_zoomOut);
    tools->addWidget(m_zoom);
    tools->addWidget(m_zoomIn);
    tools->addStretch(1);
    layout->addLayout(tools);
    m_error = makeErrorLabel(QStringLiteral("viewerError"), this);
    layout->addWidget(m_error);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_view = new PageCanvas(splitter);
    m_view->setObjectName(QStringLiteral("viewerPdfView"));

    auto* panel = new QWidget(splitter);
    auto* panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(8, 0, 0, 0);
    panelLayout->addWidget(makeSectionTitle(tr("Signatures"), panel));
    m_signatures = new QTableWidget(0, 3, panel);
    m_signatures->setObjectName(QStringLiteral("signatureTable"));
    m_signatures->setHorizontalHeaderLabels({tr("Signer"), tr("Signing time"), tr("Verification")});
    m_signatures->verticalHeader()->hide();
    m_signatures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_signatures->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_signatures->setSelectionMode(QAbstractItemView::SingleSelection);
    m_signatures->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_signatures->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_signatures->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    panelLayout->addWidget(m_signatures, 1);
    m_signatureDetail = new QLabel(panel);
    m_signatureDetail->setObjectName(QStringLiteral("signatureDetail"));
    m_signatureDetail->setWordWrap(true);
    m_signatureDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signatureDetail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_signatureDetail->setMinimumHeight(120);
    panelLayout->addWidget(m_signatureDetail);
    splitter->addWidget(m_view);
    splitter->addWidget(panel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_previous, &QPushButton::clicked, this, [this] { goToPage(currentPage() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goToPage(currentPage() + 1); });
    connect(m_page, &QSpinBox::editingFinished, this, [this] { goToPage(m_page->value() - 1); });
    connect(m_zoom, &QComboBox::currentIndexChanged, this, &FileViewer::applyZoom);
    connect(m_zoomIn, &QPushButton::clicked, this, [this] { zoomBy(1); });
    connect(m_zoomOut, &QPushButton::clicked, this, [this] { zoomBy(-1); });
    connect(m_view, &PageCanvas::currentPageChanged, this, [this](int page) {
        const QSignalBlocker block(m_page);
        m_page->setValue(page + 1);
        m_previous->setEnabled(page > 0);
        m_next->setEnabled(page + 1 < pageCount());
    });
    auto* zoomInKey = new QShortcut(QKeySequence::ZoomIn, this);
    connect(zoomInKey, &QShortcut::activated, this, [this] { zoomBy(1); });
    auto* zoomOutKey = new QShortcut(QKeySequence::ZoomOut, this);
    connect(zoomOutKey, &QShortcut::activated, this, [this] { zoomBy(-1); });
    auto* nextKey = new QShortcut(QKeySequence(Qt::Key_PageDown), this);
    connect(nextKey, &QShortcut::activated, this, [this] { goToPage(currentPage() + 1); });
    // Esc closes the viewer window, as a dialog would.
    auto* closeKey = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(closeKey, &QShortcut::activated, this, &QWidget::close);
    auto* previousKey = new QShortcut(QKeySequence(Qt::Key_PageUp), this);
    connect(previousKey, &QShortcut::activated, this, [this] { goToPage(currentPage() - 1); });
    connect(m_signatures, &QTableWidget::currentCellChanged, this, [this](int row) {
        m_signatureDetail->setText(row >= 0 && m_signatures->item(row, 0)
                ? m_signatures->item(row, 0)->data(Qt::UserRole).toString()
                : QString());
    });
    setTabOrder(m_view, m_previous);
    setTabOrder(m_previous, m_page);
    setTabOrder(m_page, m_next);
    setTabOrder(m_next, m_zoomOut);
    setTabOrder(m_zoomOut, m_zoom);
    setTabOrder(m_zoom, m_zoomIn);
    setTabOrder(m_zoomIn, m_signatures);
}

void FileViewer::open(const QString& path, const QString& title, const QList<Certificate>& trustAnchors)
{
    setWindowTitle(tr("View file - %1").arg(title));
    m_error->hide();
    m_signatures->setRowCount(0);
    m_signatureDetail->setText(tr("Verifying signatures…"));
    // Pixels come from the display copy (seals drawn); the inspection below reads the original file.
    std::vector<pdf::PageGeometry> pages;
    const auto loaded = QPdfDocument::Error(loadForDisplay(m_document, path, &pages));
    m_view->setDocument(m_document, std::move(pages));
    if (loaded != QPdfDocument::Error::None)
        showError(m_error,
            makeError(loaded == QPdfDocument::Error::FileNotFound      ? ErrorCode::InputFileUnreadable
                    : loaded == QPdfDocument::Error::IncorrectPassword ? ErrorCode::PdfEncrypted
                                                                       : ErrorCode::PdfMalformed,
                path));
    m_page->setMaximum(std::max(1, pageCount()));
    m_page->setValue(1);
    m_pageTotal->setText(QStringLiteral("/ %1").arg(pageCount()));
    m_previous->setEnabled(false);
    m_next->setEnabled(pageCount() > 1);

    const quint64 generation = ++m_generation;
    auto inspection
        = QtConcurrent::run([path, trustAnchors] { return SignatureInspector::inspectFile(path, trustAnchors); });
    whenReady(this, inspection, [this, generation](const Result<InspectionReport>& report) {
        if (generation != m_generation)
            return;
        if (!report.ok()) {
            m_signatureDetail->setText(errorText(report.error()));
            emit signaturesInspected(0);
            return;
        }
        const auto& signatures = report->signatures;
        m_signatures->setRowCount(int(signatures.size()));
        for (int row = 0; row < signatures.size(); ++row) {
            const SignatureReport& signature = signatures[row];
            auto* signer = new QTableWidgetItem(signature.documentTimestamp
                    ? tr("Document timestamp (%1)").arg(signature.signerName)
                    : signature.signerName);
            const QString detail = signatureSummary(signature);
            signer->setToolTip(detail);
            signer->setData(Qt::UserRole, detail);
            m_signatures->setItem(row, 0, signer);
            // A timestamp proves its time; a signature's /M is only what the signer's computer said.
            const QDateTime shown
                = signature.timestampTime.isValid() ? signature.timestampTime : signature.claimedSigningTime;
            m_signatures->setItem(
                row, 1, new QTableWidgetItem(shown.toLocalTime().toString(QStringLiteral("yyyy/MM/dd HH:mm:ss"))));
            QString verdict = verdictText(signature);
            if (signature.verdict == SignatureVerdict::Invalid)
                verdict += QLatin1Char(' ') + signature.problem.codeText();
            auto* verdictItem = new QTableWidgetItem(verdict);
            verdictItem->setForeground(signature.verdict == SignatureVerdict::Valid ? QColor(0x2e, 0x7d, 0x32)
                    : signature.verdict == SignatureVerdict::ValidUntrusted         ? QColor(0xb7, 0x79, 0x1f)
                                                                                    : QColor(0xb3, 0x26, 0x1e));
            m_signatures->setItem(row, 2, verdictItem);
        }
        if (signatures.isEmpty())
            m_signatureDetail->setText(tr("This file has no signature."));
        else
            m_signatures->setCurrentCell(int(signatures.size()) - 1, 0);
        emit signaturesInspected(int(signatures.size()));
    });
}

int FileViewer::pageCount() const
{
    return m_document->pageCount();
}

int FileViewer::currentPage() const
{
    return m_view->currentPage();
}

void FileViewer::goToPage(int page)
{
    if (page < 0 || page >= pageCount())
        return;
    m_view->goToPage(page);
}

void FileViewer::applyZoom()
{
    const qreal factor = m_zoom->currentData().toReal();
    if (factor == 0.0)
        m_view->setZoomMode(PageCanvas::ZoomMode::FitWidth);
    else if (factor < 0.0)
        m_view->setZoomMode(PageCanvas::ZoomMode::FitPage);
    else
        m_view->setZoomFactor(factor);
}

void FileViewer::zoomBy(int steps)
{
    const qreal current = m_view->zoomMode() == PageCanvas::ZoomMode::Custom ? m_view->zoomFactor() : 1.0;
    int index = 0;
    const int count = int(std::size(kZoomSteps));
    while (index < count - 1 && kZoomSteps[index] < current - 0.001)
        ++index;
    index = std::clamp(index + steps, 0, count - 1);
    m_zoom->setCurrentIndex(m_zoom->findData(kZoomSteps[index]));
}

} // namespace ikkatsu::ui
