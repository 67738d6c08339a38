// The viewer shows seals: a signed PDF with round seals rendered through the display copy has vermilion pixels
// inside each seal's rectangle (on a turned page too), none without the copy; the copy itself is a sound PDF.
#include "UiTestSupport.h"

#include "PdfFixtures.h"
#include "TestConfig.h"
#include "TestSigner.h"
#include "TestSupport.h"
#include "pdf/DisplayCopy.h"
#include "pdf/PdfSigner.h"
#include "pdf/SealAppearance.h"
#include "viewer/FileViewer.h"
#include "viewer/PageCanvas.h"
#include "viewer/PlacementCanvas.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPdfDocument>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ikkatsu;
using namespace ikkatsu::ui;

namespace {

using Rect = std::array<double, 4>;

bool isVermilion(QRgb pixel)
{
    return qRed(pixel) > 150 && qGreen(pixel) < 120 && qBlue(pixel) < 120;
}

// Vermilion pixels of `image` (a grab, device pixels) inside the logical rectangle `area`, and outside it.
QPair<int, int> redPixels(const QImage& image, const QRectF& area)
{
    const qreal dpr = image.devicePixelRatio();
    const QRectF device(area.topLeft() * dpr, area.size() * dpr);
    int inside = 0;
    int outside = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (!isVermilion(image.pixel(x, y)))
                continue;
            if (device.adjusted(-2, -2, 2, 2).contains(QPointF(x + 0.5, y + 0.5)))
                ++inside;
            else
                ++outside;
        }
    }
    return {inside, outside};
}

QString outDir()
{
    const QString dir = QStringLiteral(IKKATSU_BINARY_DIR) + QStringLiteral("/screenshots/viewer-seal");
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class TestUiViewerSeal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void displayCopyIsASoundPdf();
    void viewerShowsTheSealsInTheirRectangles();
    void withoutTheDisplayCopyNoSealShows();
    void turnedPageMapsPointsBothWays();
    void damagedFileStillShowsWithoutACopy();
    void placementCanvasDrawsClipsMovesAndLocks();
    void manyPagesAndSealsStayQuick();
    void oddWidgetsAreStampedOnceOrLeft();

private:
    Status sign(const QString& path, const QString& name, int page, const Rect& rect);

    QTemporaryDir m_dir;
    test::TestSigner m_signer;
    QString m_signed;
    const Rect m_firstRect {400, 650, 480, 730}; // page 1, top right
    const Rect m_secondRect {80, 90, 170, 180}; // page 2, bottom left
};

Status TestUiViewerSeal::sign(const QString& path, const QString& name, int page, const Rect& rect)
{
    pdf::SealSpec spec;
    spec.style = pdf::SealStyle::Round;
    spec.name = name;
    spec.signingTime = QDateTime::currentDateTimeUtc();
    auto seal = pdf::SealAppearance::build(spec);
    if (!seal)
        return seal.error();
    SignatureOptions options;
    options.seal = *seal;
    options.sealPage = page;
    options.sealRect = rect;
    const QString out = path + QStringLiteral(".signed");
    Result<SignOutcome> outcome = PdfSigner::signFile(path, out, *m_signer.signer, options);
    if (!outcome)
        return outcome.error();
    QFile::remove(path);
    if (!QFile::rename(out, path))
        return makeError(ErrorCode::OutputWriteFailed, path);
    return {};
}

void TestUiViewerSeal::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_signer.create(QStringLiteral("Hanako Yamada")));
    m_signed = m_dir.filePath(QStringLiteral("sealed.pdf"));
    QVERIFY(test::writeSamplePdf(m_signed, QStringLiteral("印影の表示"), 2));
    const Status first = sign(m_signed, QStringLiteral("山田"), 1, m_firstRect);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().detail));
    const Status second = sign(m_signed, QStringLiteral("佐藤"), 2, m_secondRect);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().detail));
}

void TestUiViewerSeal::displayCopyIsASoundPdf()
{
    const QByteArray original = test::readAll(m_signed);
    Result<pdf::DisplayCopy> copy = pdf::buildDisplayCopy(m_signed);
    QVERIFY(copy.ok());
    QCOMPARE(copy->stampCount, 2);
    QCOMPARE(copy->originalSize, original.size());
    QCOMPARE(int(copy->pages.size()), 2);
    QCOMPARE(copy->pages[0].rotate, 0);
    QCOMPARE(copy->pages[0].shownSize().toSize(), QSize(595, 842));

    // The device serves the file then the update, from any position.
    pdf::DisplayCopyDevice device(*copy);
    QVERIFY(device.openCopy());
    QCOMPARE(device.size(), original.size() + copy->appended.size());
    const QByteArray served = device.readAll();
    QCOMPARE(served, original + copy->appended);
    QVERIFY(device.seek(original.size() - 10));
    QCOMPARE(device.read(20), served.mid(original.size() - 10, 20));
    QCOMPARE(test::readAll(m_signed), original); // the file itself is never written

    // qpdf, independently: the combined bytes are a valid PDF whose widgets are now stamps.
    const QString combined = m_dir.filePath(QStringLiteral("display-copy.pdf"));
    QVERIFY(test::writeAll(combined, served));
    const test::ToolRun check = test::runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), combined});
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    const test::ToolRun json = test::runTool(QStringLiteral("qpdf"), {QStringLiteral("--json"), combined});
    QCOMPARE(json.out.count("\"/Subtype\": \"/Stamp\""), 2);
    QCOMPARE(json.out.count("\"/Subtype\": \"/Widget\""), 0);

    // A file without widgets needs no update.
    const QString plain = m_dir.filePath(QStringLiteral("plain.pdf"));
    QVERIFY(test::writeSamplePdf(plain, QStringLiteral("署名なし"), 1));
    Result<pdf::DisplayCopy> none = pdf::buildDisplayCopy(plain);
    QVERIFY(none.ok());
    QCOMPARE(none->stampCount, 0);
    QVERIFY(none->appended.isEmpty());
}

void TestUiViewerSeal::viewerShowsTheSealsInTheirRectangles()
{
    FileViewer viewer;
    viewer.resize(1100, 800);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QSignalSpy inspected(&viewer, &FileViewer::signaturesInspected);
    viewer.open(m_signed, QStringLiteral("sealed.pdf"), {});
    QCOMPARE(viewer.pageCount(), 2);
    // Verification reads the original file: both signatures, intact.
    QTRY_COMPARE(inspected.count(), 1);
    QCOMPARE(inspected.first().first().toInt(), 2);

    PageCanvas* canvas = viewer.canvas();
    auto* zoom = test::child<QComboBox>(&viewer, QStringLiteral("viewerZoomCombo"));
    for (const int percent : {100, 200}) {
        zoom->setCurrentIndex(zoom->findText(QStringLiteral("%1%").arg(percent)));
        QVERIFY(qAbs(canvas->zoomFactor() - percent / 100.0) < 0.001);
        for (int page = 0; page < 2; ++page) {
            const Rect& rect = page == 0 ? m_firstRect : m_secondRect;
            canvas->ensureVisible(page, rect);
            QApplication::processEvents();
            const QRectF box = canvas->pdfRectToViewport(page, rect);
            QVERIFY(canvas->viewport()->rect().contains(box.toAlignedRect()));
            // The box is as big as the zoom says: 80 or 90 points at the screen's DPI.
            QVERIFY(qAbs(box.width() - (rect[2] - rect[0]) * percent / 100.0 * canvas->logicalDpiY() / 72.0) < 2);
            const QImage grab = canvas->viewport()->grab().toImage();
            const auto [inside, outside] = redPixels(grab, box);
            QVERIFY2(inside > box.width() * box.height() * 0.05,
                qPrintable(
                    QStringLiteral("page %1 at %2%: %3 red pixels in the box").arg(page + 1).arg(percent).arg(inside)));
            QVERIFY2(outside == 0, qPrintable(QStringLiteral("%1 red pixels outside the box").arg(outside)));
            // Mapping both ways: the box's centre comes back as the PDF point it was.
            const QPointF centre = canvas->toPdf(page, box.center());
            QVERIFY(qAbs(centre.x() - (rect[0] + rect[2]) / 2) < 1 && qAbs(centre.y() - (rect[1] + rect[3]) / 2) < 1);
            QCOMPARE(canvas->pageAt(box.center()), page);
            if (page == 0)
                grab.save(outDir() + QStringLiteral("/viewer-seal-%1.png").arg(percent));
        }
    }
    viewer.grab().save(outDir() + QStringLiteral("/viewer-window-200.png"));
}

void TestUiViewerSeal::withoutTheDisplayCopyNoSealShows()
{
    // The same canvas on the file as it is: Qt PDF draws no widget, so no seal (what the display copy fixes).
    QPdfDocument document;
    QCOMPARE(document.load(m_signed), QPdfDocument::Error::None);
    Result<pdf::DisplayCopy> copy = pdf::buildDisplayCopy(m_signed);
    QVERIFY(copy.ok());
    PageCanvas canvas;
    canvas.resize(900, 1200);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.setDocument(&document, copy->pages);
    canvas.setZoomFactor(1.0);
    canvas.ensureVisible(0, m_firstRect);
    QApplication::processEvents();
    const QRectF box = canvas.pdfRectToViewport(0, m_firstRect);
    QVERIFY(canvas.viewport()->rect().contains(box.toAlignedRect()));
    QCOMPARE(redPixels(canvas.viewport()->grab().toImage(), box).first, 0);
}

void TestUiViewerSeal::turnedPageMapsPointsBothWays()
{
    // A page turned by /Rotate 90 (qpdf): the seal is drawn turned with it, and the canvas maps the field's PDF
    // rectangle onto the pixels where it shows.
    const QString plain = m_dir.filePath(QStringLiteral("turned-plain.pdf"));
    const QString turned = m_dir.filePath(QStringLiteral("turned.pdf"));
    QVERIFY(test::writeSamplePdf(plain, QStringLiteral("横向き"), 1));
    const test::ToolRun rotate
        = test::runTool(QStringLiteral("qpdf"), {plain, QStringLiteral("--rotate=+90:1"), turned});
    QVERIFY2(rotate.exitCode == 0, qPrintable(rotate.all()));
    const Rect rect {100, 600, 200, 700}; // near the top left of the unturned page
    const Status signedTurned = sign(turned, QStringLiteral("高橋"), 1, rect);
    QVERIFY2(signedTurned.ok(), qPrintable(signedTurned.ok() ? QString() : signedTurned.error().detail));

    Result<pdf::DisplayCopy> copy = pdf::buildDisplayCopy(turned);
    QVERIFY(copy.ok());
    QCOMPARE(copy->pages.at(0).rotate, 90);
    QCOMPARE(copy->pages.at(0).shownSize().toSize(), QSize(842, 595));

    FileViewer viewer;
    viewer.resize(1100, 800);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.open(turned, QStringLiteral("turned.pdf"), {});
    PageCanvas* canvas = viewer.canvas();
    canvas->setZoomFactor(1.0);
    canvas->ensureVisible(0, rect);
    QApplication::processEvents();
    const QRectF box = canvas->pdfRectToViewport(0, rect);
    const QRectF page = canvas->pageRect(0);
    QVERIFY(page.width() > page.height()); // shown turned
    // Turned clockwise, the top left of the page comes to the top right.
    QVERIFY(box.center().x() > page.center().x() && box.center().y() < page.center().y());
    const auto [inside, outside] = redPixels(canvas->viewport()->grab().toImage(), box);
    QVERIFY2(inside > box.width() * box.height() * 0.05, qPrintable(QString::number(inside)));
    QCOMPARE(outside, 0);
    const QPointF back = canvas->toPdf(0, canvas->fromPdf(0, QPointF(123, 456)));
    QVERIFY(qAbs(back.x() - 123) < 0.01 && qAbs(back.y() - 456) < 0.01);

    // Every rotation maps there and back.
    for (const int degrees : {0, 90, 180, 270}) {
        pdf::PageGeometry geometry;
        geometry.box = {10, 20, 610, 820};
        geometry.rotate = degrees;
        const QPointF shown = geometry.fromPdf(QPointF(110, 120));
        QVERIFY(shown.x() >= 0 && shown.y() >= 0 && shown.x() <= geometry.shownSize().width()
            && shown.y() <= geometry.shownSize().height());
        QCOMPARE(geometry.toPdf(shown), QPointF(110, 120));
    }
}

void TestUiViewerSeal::damagedFileStillShowsWithoutACopy()
{
    // A broken startxref: our reader refuses the file, PDFium repairs it; the viewer shows the original pages.
    QByteArray bytes = test::readAll(m_signed);
    const qsizetype at = bytes.lastIndexOf("startxref");
    QVERIFY(at > 0);
    bytes.replace(at + 10, 3, "999");
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.pdf"));
    QVERIFY(test::writeAll(damaged, bytes));
    QVERIFY(!pdf::buildDisplayCopy(damaged).ok());
    FileViewer viewer;
    viewer.resize(900, 700);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.open(damaged, QStringLiteral("damaged.pdf"), {});
    QCOMPARE(viewer.pageCount(), 2);
    // Garbage is refused by both and shows a coded error.
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.pdf"));
    QVERIFY(test::writeAll(garbage, QByteArrayLiteral("%PDF-1.7\nnothing here\n")));
    viewer.open(garbage, QStringLiteral("garbage.pdf"), {});
    QCOMPARE(viewer.pageCount(), 0);
    QVERIFY(test::child<QLabel>(&viewer, QStringLiteral("viewerError"))->text().startsWith(QLatin1Char('E')));
}

void TestUiViewerSeal::placementCanvasDrawsClipsMovesAndLocks()
{
    // The administrator's drags on a turned page (the hardest mapping), in PDF points of the unturned page.
    const QString plain = m_dir.filePath(QStringLiteral("place-plain.pdf"));
    const QString turned = m_dir.filePath(QStringLiteral("place-turned.pdf"));
    QVERIFY(test::writeSamplePdf(plain, QStringLiteral("配置"), 2));
    QCOMPARE(test::runTool(QStringLiteral("qpdf"), {plain, QStringLiteral("--rotate=+90:2"), turned}).exitCode, 0);
    QPdfDocument document;
    std::vector<pdf::PageGeometry> pages;
    QCOMPARE(QPdfDocument::Error(loadForDisplay(&document, turned, &pages)), QPdfDocument::Error::None);
    QCOMPARE(int(pages.size()), 2);
    PlacementCanvas canvas;
    canvas.resize(900, 900);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.setDocument(&document, pages);
    canvas.setZoomMode(PageCanvas::ZoomMode::FitPage);
    api::SignatureBox placed {QStringLiteral("placed-user"), 1, {50, 50, 120, 120}, true};
    canvas.setPlacedBoxes({placed});
    QSignalSpy refused(&canvas, &PlacementCanvas::refused);
    QWidget* viewport = canvas.viewport();
    const auto drag = [&](int page, QPointF from, QPointF to) {
        const QPoint a = canvas.fromPdf(page, from).toPoint();
        const QPoint b = canvas.fromPdf(page, to).toPoint();
        QTest::mousePress(viewport, Qt::LeftButton, {}, a);
        QTest::mouseMove(viewport, (a + b) / 2);
        QTest::mouseMove(viewport, b);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, b);
    };

    // No signer chosen: nothing is drawn, and the canvas says why.
    drag(0, QPointF(200, 600), QPointF(300, 500));
    QVERIFY(canvas.newBoxes().isEmpty());
    QCOMPARE(refused.count(), 1);
    // The placed signer cannot get a second box.
    canvas.setSigner(QStringLiteral("placed-user"));
    drag(0, QPointF(200, 600), QPointF(300, 500));
    QVERIFY(canvas.newBoxes().isEmpty());
    QCOMPARE(refused.count(), 2);

    // Page 2 is turned: dragging over the shown page still gives the box in unturned PDF points.
    canvas.setSigner(QStringLiteral("signer-a"));
    canvas.goToPage(1);
    QCOMPARE(canvas.geometry(1).rotate, 90);
    drag(1, QPointF(100, 500), QPointF(200, 650));
    QCOMPARE(canvas.newBoxes().size(), 1);
    api::SignatureBox box = canvas.newBoxes().at(0);
    QCOMPARE(box.page, 2);
    const std::array<double, 4> wanted {100, 500, 200, 650};
    for (size_t i = 0; i < 4; ++i)
        QVERIFY2(qAbs(box.rect[i] - wanted[i]) < 2, qPrintable(QString::number(box.rect[i])));
    // Too small: refused, the box drawn before stays.
    drag(1, QPointF(300, 300), QPointF(310, 310));
    QCOMPARE(refused.count(), 3);
    QCOMPARE(canvas.newBoxes().at(0).rect, box.rect);
    // Dragged past the page's edge: clipped to the page (A4 is 595 × 842 points).
    drag(1, QPointF(500, 780), QPointF(700, 900));
    box = canvas.newBoxes().at(0); // the same signer's box was replaced
    QCOMPARE(canvas.newBoxes().size(), 1);
    QVERIFY(box.rect[2] <= 595 && box.rect[3] <= 842);
    QVERIFY2(qAbs(box.rect[2] - 595) < 0.01 && qAbs(box.rect[3] - 842) < 0.01,
        qPrintable(QStringLiteral("%1 %2").arg(box.rect[2]).arg(box.rect[3])));
    // Moved by dragging its inside: same size, pushed back inside the page.
    const double width = box.width();
    const double height = box.height();
    const QPointF inside((box.rect[0] + box.rect[2]) / 2, (box.rect[1] + box.rect[3]) / 2);
    drag(1, inside, inside - QPointF(200, 300));
    api::SignatureBox moved = canvas.newBoxes().at(0);
    QVERIFY(qAbs(moved.width() - width) < 0.01 && qAbs(moved.height() - height) < 0.01);
    QVERIFY2(qAbs(moved.rect[0] - (box.rect[0] - 200)) < 2 && qAbs(moved.rect[1] - (box.rect[1] - 300)) < 2,
        qPrintable(QStringLiteral("%1 %2").arg(moved.rect[0]).arg(moved.rect[1])));
    QVERIFY(moved.validate().ok());
    // Deleted with the Delete key while selected.
    QCOMPARE(canvas.selectedBox(), 0);
    QTest::keyClick(&canvas, Qt::Key_Delete);
    QVERIFY(canvas.newBoxes().isEmpty());
    QCOMPARE(canvas.placedBoxes().size(), 1);
    canvas.grab().save(outDir() + QStringLiteral("/placement-canvas.png"));
}

void TestUiViewerSeal::manyPagesAndSealsStayQuick()
{
    // 400 pages with 400 seals (the signed two pages 200 times, qpdf keeps the fields): the copy is built on
    // opening, so it must cost little next to rendering.
    QStringList arguments {QStringLiteral("--empty"), QStringLiteral("--pages")};
    for (int i = 0; i < 200; ++i)
        arguments << m_signed;
    const QString many = m_dir.filePath(QStringLiteral("many.pdf"));
    arguments << QStringLiteral("--") << many;
    const test::ToolRun joined = test::runTool(QStringLiteral("qpdf"), arguments);
    QVERIFY2(joined.exitCode == 0 || joined.exitCode == 3, qPrintable(joined.all()));
    QElapsedTimer timer;
    timer.start();
    Result<pdf::DisplayCopy> copy = pdf::buildDisplayCopy(many);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(copy.ok());
    QCOMPARE(int(copy->pages.size()), 400);
    QCOMPARE(copy->stampCount, 400);
    qInfo("display copy of %d pages and %d seals: %lld ms, %lld bytes appended to %lld", int(copy->pages.size()),
        copy->stampCount, elapsed, qint64(copy->appended.size()), copy->originalSize);
    QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));
    FileViewer viewer;
    viewer.resize(900, 700);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    timer.restart();
    viewer.open(many, QStringLiteral("many.pdf"), {});
    viewer.canvas()->goToPage(399);
    viewer.canvas()->viewport()->repaint();
    qInfo("opened and showed the last page in %lld ms", timer.elapsed());
    QCOMPARE(viewer.currentPage(), 399);
}

void TestUiViewerSeal::oddWidgetsAreStampedOnceOrLeft()
{
    // One widget on both pages' /Annots (and twice on page 1), one written inside page 1's array, one without an
    // appearance, one whose appearance is missing, and page 2's /Annots indirect.
    test::PdfFixtureOptions options;
    options.pages = 2;
    const QByteArray drawing = "1 0 0 rg 0 0 50 50 re f\n";
    const QByteArray appearance = "<< /Type /XObject /Subtype /Form /BBox [0 0 50 50] /Length "
        + QByteArray::number(drawing.size()) + " >>\nstream\n" + drawing + "endstream";
    const QByteArray page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %1 0 R "
                            "/Resources << /Font << /F1 3 0 R >> >> /Annots %2 >>";
    const QByteArray pdf = test::appendUpdate(test::minimalPdf(options),
        {{9, appearance},
            {10,
                "<< /Type /Annot /Subtype /Widget /FT /Sig /T (shared) /Rect [100 100 150 150] /F 4 /AP << /N 9 0 R >> "
                ">>"},
            {5,
                QByteArray(page).replace("%1", "6").replace("%2",
                    "[10 0 R << /Type /Annot /Subtype /Widget /Rect [300 300 350 350] /AP << /N 9 0 R >> >> 10 0 R]")},
            {7, QByteArray(page).replace("%1", "8").replace("%2", "11 0 R")}, {11, "[10 0 R 12 0 R 13 0 R]"},
            {12, "<< /Type /Annot /Subtype /Widget /Rect [400 400 450 450] >>"},
            {13, "<< /Type /Annot /Subtype /Widget /Rect [400 500 450 550] /AP << /N 99 0 R >> >>"}});
    const QString path = m_dir.filePath(QStringLiteral("odd.pdf"));
    QVERIFY(test::writeAll(path, pdf));
    Result<pdf::DisplayCopy> copy = pdf::buildDisplayCopy(path);
    QVERIFY2(copy.ok(), qPrintable(copy.ok() ? QString() : copy.error().detail));
    QCOMPARE(copy->stampCount, 3); // the shared one once, the direct one, the one with a missing appearance
    const QString combined = m_dir.filePath(QStringLiteral("odd-copy.pdf"));
    QVERIFY(test::writeAll(combined, test::readAll(path) + copy->appended));
    const test::ToolRun check = test::runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), combined});
    QVERIFY2(check.exitCode == 0, qPrintable(check.all()));

    FileViewer viewer;
    viewer.resize(900, 800);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.open(path, QStringLiteral("odd.pdf"), {});
    PageCanvas* canvas = viewer.canvas();
    canvas->setZoomFactor(1.0);
    const Rect shared {100, 100, 150, 150};
    const Rect direct {300, 300, 350, 350};
    for (const auto& [pageIndex, rect] : {std::pair {0, shared}, std::pair {0, direct}, std::pair {1, shared}}) {
        canvas->ensureVisible(pageIndex, rect);
        QApplication::processEvents();
        const QRectF box = canvas->pdfRectToViewport(pageIndex, rect);
        const int inside = redPixels(canvas->viewport()->grab().toImage(), box).first;
        QVERIFY2(inside > box.width() * box.height() * 0.5, qPrintable(QString::number(inside)));
    }
}

QTEST_MAIN(TestUiViewerSeal)
#include "tst_ui_viewer_seal.moc"
