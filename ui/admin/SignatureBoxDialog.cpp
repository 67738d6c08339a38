// The dialog shows the file's current version through the viewer's display copy (earlier seals visible) and keeps
// the boxes in PDF points; the server checks every box again (page, size, signer, one per signer) on 保存.
#include "SignatureBoxDialog.h"

#include "Async.h"
#include "Style.h"
#include "viewer/PlacementCanvas.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfDocument>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace ikkatsu::ui {

SignatureBoxDialog::SignatureBoxDialog(AdminService* service, const api::FileEntry& file, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
    , m_file(file)
    , m_document(new QPdfDocument(this))
{
    setObjectName(QStringLiteral("signatureBoxDialog"));
    setWindowTitle(tr("Place signature boxes - %1").arg(file.name));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHint(tr("Choose a signer, then drag a box on the page where their seal goes. Boxes drawn "
                                  "here can be moved or deleted until you save; a saved box cannot be moved."),
        this));

    auto* tools = new QHBoxLayout;
    tools->addWidget(new QLabel(tr("Signer"), this));
    m_signer = new QComboBox(this);
    m_signer->setObjectName(QStringLiteral("placementSignerCombo"));
    m_signer->setMinimumWidth(220);
    for (const api::SignerState& signer : file.signers) {
        if (signer.hasSigned)
            continue; // a signer who has signed fills no new box
        m_signer->addItem(signer.userName.isEmpty() ? signer.userId : tr("%1 (%2)").arg(signer.userName, signer.userId),
            signer.userId);
    }
    tools->addWidget(m_signer);
    tools->addSpacing(16);
    m_previous = makeButton(tr("Previous page"), QStringLiteral("placementPreviousPage"), false, this);
    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("placementPageLabel"));
    m_next = makeButton(tr("Next page"), QStringLiteral("placementNextPage"), false, this);
    tools->addWidget(m_previous);
    tools->addWidget(m_pageLabel);
    tools->addWidget(m_next);
    tools->addStretch(1);
    layout->addLayout(tools);

    m_canvas = new PlacementCanvas(this);
    m_canvas->setZoomMode(PageCanvas::ZoomMode::FitPage);
    m_canvas->setMinimumSize(420, 420);
    layout->addWidget(m_canvas, 1);
    m_boxesLabel = new QLabel(this);
    m_boxesLabel->setObjectName(QStringLiteral("placementBoxesLabel"));
    m_boxesLabel->setWordWrap(true);
    layout->addWidget(m_boxesLabel);
    m_error = makeErrorLabel(QStringLiteral("placementError"), this);
    layout->addWidget(m_error);

    auto* buttons = new QHBoxLayout;
    m_remove = makeButton(tr("Delete box"), QStringLiteral("deleteBoxButton"), false, this);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    m_save = makeButton(tr("Save"), QStringLiteral("saveBoxesButton"), true, this);
    QPushButton* cancel = makeButton(tr("Cancel"), QStringLiteral("cancelBoxesButton"), false, this);
    buttons->addWidget(m_save);
    buttons->addWidget(cancel);
    layout->addLayout(buttons);
    for (QPushButton* button : findChildren<QPushButton*>())
        button->setAutoDefault(false);

    if (m_signer->count() == 0)
        showMessage(m_error,
            tr("Every signer of this file has signed, or it has none. Add signers first with Change "
               "viewers and signers."));
    m_canvas->setSigner(m_signer->currentData().toString());
    connect(m_signer, &QComboBox::currentIndexChanged, this,
        [this] { m_canvas->setSigner(m_signer->currentData().toString()); });
    connect(m_previous, &QPushButton::clicked, this, [this] { m_canvas->goToPage(m_canvas->currentPage() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { m_canvas->goToPage(m_canvas->currentPage() + 1); });
    connect(m_canvas, &PageCanvas::currentPageChanged, this, &SignatureBoxDialog::showPage);
    connect(m_canvas, &PlacementCanvas::boxesChanged, this, &SignatureBoxDialog::updateActions);
    connect(m_canvas, &PlacementCanvas::selectionChanged, this, &SignatureBoxDialog::updateActions);
    connect(m_canvas, &PlacementCanvas::refused, this, [this](const QString& reason) { showMessage(m_error, reason); });
    connect(m_remove, &QPushButton::clicked, m_canvas, &PlacementCanvas::removeSelectedBox);
    connect(m_save, &QPushButton::clicked, this, &SignatureBoxDialog::save);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    if (const QScreen* screen = parent ? parent->screen() : nullptr)
        resize(QSize(1000, 800).boundedTo(screen->availableSize() * 0.9));
    else
        resize(1000, 800);
    updateActions();

    // The current version's pages and the boxes it has, in parallel.
    whenReady(this, m_service->fileVersion(file.fileId, file.version), [this](const Result<QByteArray>& bytes) {
        if (!bytes.ok()) {
            showError(m_error, bytes.error());
            emit failed(bytes.error());
            return;
        }
        showPdf(*bytes);
    });
    whenReady(this, m_service->signatureBoxes(file.fileId), [this](const Result<QList<api::SignatureBox>>& boxes) {
        if (!boxes.ok()) {
            showError(m_error, boxes.error());
            emit failed(boxes.error());
            return;
        }
        m_canvas->setPlacedBoxes(*boxes);
        m_boxesShown = true;
        updateActions();
        if (m_pdfShown)
            emit loaded();
    });
}

void SignatureBoxDialog::showPdf(const QByteArray& bytes)
{
    const QString path = m_dir.filePath(QStringLiteral("file.pdf"));
    QFile file(path);
    if (!m_dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush()) {
        const Error error = makeError(ErrorCode::OutputWriteFailed, path);
        showError(m_error, error);
        emit failed(error);
        return;
    }
    file.close();
    std::vector<pdf::PageGeometry> pages;
    const auto status = QPdfDocument::Error(loadForDisplay(m_document, path, &pages));
    if (status != QPdfDocument::Error::None || pages.empty()) {
        // Placing needs each page's box in PDF points, which only our reader gives.
        const Error error = makeError(ErrorCode::PdfMalformed, m_file.name);
        showError(m_error, error);
        emit failed(error);
        return;
    }
    m_canvas->setDocument(m_document, std::move(pages));
    m_pdfShown = true;
    showPage();
    updateActions();
    if (m_boxesShown)
        emit loaded();
}

bool SignatureBoxDialog::chooseSigner(const QString& userId)
{
    const int index = m_signer->findData(userId);
    if (index < 0)
        return false;
    m_signer->setCurrentIndex(index);
    return true;
}

void SignatureBoxDialog::showPage()
{
    const int count = m_canvas->pageCount();
    const int page = m_canvas->currentPage();
    m_pageLabel->setText(tr("Page %1 / %2").arg(page + 1).arg(count));
    m_previous->setEnabled(page > 0);
    m_next->setEnabled(page + 1 < count);
}

void SignatureBoxDialog::updateActions()
{
    const QList<api::SignatureBox> fresh = m_canvas->newBoxes();
    m_remove->setEnabled(m_canvas->selectedBox() >= 0 && !m_saving);
    m_save->setEnabled(m_pdfShown && m_boxesShown && !fresh.isEmpty() && !m_saving);
    QStringList lines;
    for (const api::SignatureBox& box : m_canvas->placedBoxes())
        lines << (box.filled ? tr("%1: page %2, signed").arg(box.userId).arg(box.page)
                             : tr("%1: page %2, placed").arg(box.userId).arg(box.page));
    for (const api::SignatureBox& box : fresh)
        lines << tr("%1: page %2, new (not saved yet)").arg(box.userId).arg(box.page);
    m_boxesLabel->setText(lines.isEmpty() ? tr("No signature box yet.") : lines.join(QStringLiteral(" / ")));
    if (!fresh.isEmpty())
        m_error->hide();
}

void SignatureBoxDialog::save()
{
    const QList<api::SignatureBox> fresh = m_canvas->newBoxes();
    if (fresh.isEmpty() || m_saving)
        return;
    m_saving = true;
    updateActions();
    whenReady(this, m_service->placeSignatureBoxes(m_file.fileId, fresh),
        [this](const Result<QList<api::SignatureBox>>& boxes) {
            m_saving = false;
            if (!boxes.ok()) {
                showError(m_error, boxes.error());
                updateActions();
                emit failed(boxes.error());
                return;
            }
            emit saved(*boxes);
            accept();
        });
}

} // namespace ikkatsu::ui
