// Visible seals (印影): rendered by pdftoppm, fonts seen by pdffonts, names found by pdftotext, signatures by pdfsig.
#include "pdf/SealAppearance.h"
#include "pdf/SignatureAppend.h"
#include "pdf/SignatureInspector.h"

#include "PdfFixtures.h"
#include "TestConfig.h"
#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ikkatsu;
using namespace ikkatsu::test;

namespace {

const QByteArray kPin = QByteArrayLiteral("Pin2024abc");
constexpr int kPageHeight = 842; // the corpus is A4 (595 × 842 pt): one pixel per point at 72 dpi

ToolRun cli(const QStringList& arguments, const QByteArray& input = {})
{
    return runTool(builtBinary(QStringLiteral("ikkatsu-cli")), arguments, input);
}

// Page `page` of `pdf` at `dpi` as pdftoppm draws it (annotations included, as printed).
QImage render(const QString& pdf, int page, int dpi, const QString& prefix)
{
    const ToolRun run = runTool(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), QStringLiteral("-singlefile"),
            QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), pdf, prefix});
    if (run.exitCode != 0)
        return {};
    return QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
}

bool isVermilion(QRgb c)
{
    return qRed(c) > 170 && qGreen(c) < 110 && qBlue(c) < 140;
}

struct RenderDiff
{
    int vermilionInside = 0;
    int changedOutside = 0;
    bool comparable = false;
};

// Compares the signed render with the unsigned one; `rect` is X1,Y1,X2,Y2 in points (72 dpi: pixels).
RenderDiff compare(const QImage& before, const QImage& after, const std::array<int, 4>& rect)
{
    RenderDiff diff;
    if (before.isNull() || before.size() != after.size())
        return diff;
    diff.comparable = true;
    const QRect inside(QPoint(rect[0], kPageHeight - rect[3]), QPoint(rect[2] - 1, kPageHeight - rect[1] - 1));
    for (int y = 0; y < after.height(); ++y) {
        for (int x = 0; x < after.width(); ++x) {
            const QRgb now = after.pixel(x, y);
            if (inside.adjusted(-1, -1, 1, 1).contains(x, y)) {
                diff.vermilionInside += isVermilion(now) ? 1 : 0;
            } else if (now != before.pixel(x, y)) {
                ++diff.changedOutside;
            }
        }
    }
    return diff;
}

QString withoutSpace(const QByteArray& text)
{
    return QString::fromUtf8(text).remove(QRegularExpression(QStringLiteral("\\s")));
}

} // namespace

class TestSeal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_keystore;
    QString m_input; // three A4 pages of Japanese text
    QString m_certPem;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    ToolRun sign(const QString& input, const QString& outDir, const QStringList& extra)
    {
        return cli(QStringList {QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore,
                       QStringLiteral("--pin-stdin"), QStringLiteral("--out-dir"), outDir}
                + extra + QStringList {input},
            kPin + '\n');
    }

    static bool hasIpamj() { return QFileInfo::exists(pdf::SealAppearance::defaultFontPaths().value(1)); }

private slots:
    // Debian's fonts first; then the copies the Windows installer puts beside the executable, where a machine
    // without IPA fonts finds them.
    void fontSearchOrder()
    {
        const QStringList paths = pdf::SealAppearance::defaultFontPaths();
        QCOMPARE(paths.size(), 4);
        QVERIFY(paths.at(0).startsWith(QLatin1String("/usr/share/fonts/")));
        QCOMPARE(paths.at(2), QCoreApplication::applicationDirPath() + QStringLiteral("/fonts/ipaexm.ttf"));
        QVERIFY(readAll(QStringLiteral(IKKATSU_SOURCE_DIR "/packaging/windows/runtime-required.txt"))
                    .contains("\nfonts/ipaexm.ttf\n"));
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const ToolRun corpus = runTool(QStringLiteral(IKKATSU_BINARY_DIR "/bench/ikkatsu-make-corpus"),
            {QStringLiteral("--out"), path(QStringLiteral("in")), QStringLiteral("--count"), QStringLiteral("1"),
                QStringLiteral("--pages"), QStringLiteral("3")});
        QCOMPARE(corpus.exitCode, 0);
        const QStringList files = QDir(path(QStringLiteral("in"))).entryList({QStringLiteral("*.pdf")}, QDir::Files);
        QCOMPARE(files.size(), 1);
        m_input = path(QStringLiteral("in/")) + files.front();
        m_keystore = path(QStringLiteral("me.p12"));
        const ToolRun create
            = cli({QStringLiteral("keystore"), QStringLiteral("create"), QStringLiteral("--out"), m_keystore,
                      QStringLiteral("--self-signed"), QStringLiteral("--name"), QStringLiteral("Taro Yamada"),
                      QStringLiteral("--company"), QStringLiteral("Sample Kensetsu"), QStringLiteral("--pin-stdin")},
                kPin + '\n');
        QVERIFY2(create.exitCode == 0, qPrintable(create.all()));
        m_certPem = path(QStringLiteral("me.pem"));
        const ToolRun exported = runTool(QStringLiteral("openssl"),
            {QStringLiteral("pkcs12"), QStringLiteral("-in"), m_keystore, QStringLiteral("-nokeys"),
                QStringLiteral("-passin"), QStringLiteral("pass:") + QString::fromLatin1(kPin), QStringLiteral("-out"),
                m_certPem});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.all()));
    }

    ToolRun verify(const QString& pdf)
    {
        return cli({QStringLiteral("verify"), QStringLiteral("--trust"), m_certPem, pdf});
    }

    void roundSealIsDrawnInsideItsRectangleOnly()
    {
        const QString out = path(QStringLiteral("round"));
        const ToolRun run = sign(m_input, out,
            {QStringLiteral("--seal"), QStringLiteral("round"), QStringLiteral("--seal-name"), QStringLiteral("山田"),
                QStringLiteral("--page"), QStringLiteral("2"), QStringLiteral("--rect"),
                QStringLiteral("480,60,540,120")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString signedPdf = out + QLatin1Char('/') + QFileInfo(m_input).fileName();

        const RenderDiff page2 = compare(render(m_input, 2, 72, path(QStringLiteral("u2"))),
            render(signedPdf, 2, 72, path(QStringLiteral("s2"))), {480, 60, 540, 120});
        QVERIFY(page2.comparable);
        QVERIFY2(page2.vermilionInside > 400, qPrintable(QString::number(page2.vermilionInside)));
        QCOMPARE(page2.changedOutside, 0);
        // Page 1 does not show the seal at all.
        const RenderDiff page1 = compare(render(m_input, 1, 72, path(QStringLiteral("u1"))),
            render(signedPdf, 1, 72, path(QStringLiteral("s1"))), {0, 0, 0, 0});
        QVERIFY(page1.comparable);
        QCOMPARE(page1.changedOutside, 0);

        // An embedded subset (emb yes, sub yes) with a ToUnicode map (uni yes), as a CID TrueType font.
        const ToolRun fonts = runTool(QStringLiteral("pdffonts"), {signedPdf});
        QVERIFY2(fonts.exitCode == 0, qPrintable(fonts.all()));
        QVERIFY2(QString::fromUtf8(fonts.out).contains(
                     QRegularExpression(QStringLiteral("[A-Z]{6}\\+IPAexMincho\\s+CID TrueType\\s+"
                                                       "Identity-H\\s+yes\\s+yes\\s+yes"))),
            fonts.out.constData());
        const ToolRun text = runTool(QStringLiteral("pdftotext"),
            {QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"), QStringLiteral("2"), signedPdf,
                QStringLiteral("-")});
        QVERIFY2(withoutSpace(text.out).contains(QStringLiteral("山田")), text.out.constData());

        const ToolRun sig = pdfsig(signedPdf);
        QVERIFY2(sig.all().contains(QLatin1String("Signature is Valid.")), qPrintable(sig.all()));
        QVERIFY2(qpdfCheck(signedPdf).exitCode == 0, qPrintable(qpdfCheck(signedPdf).all()));
        QVERIFY(isPrefixOf(m_input, signedPdf));
        const ToolRun verified = verify(signedPdf);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.all()));
        // The seal costs a few kilobytes, not a whole font.
        QVERIFY2(QFileInfo(signedPdf).size() - QFileInfo(m_input).size() < 40000,
            qPrintable(QString::number(QFileInfo(signedPdf).size() - QFileInfo(m_input).size())));
    }

    void verticalFormsStaySearchable()
    {
        // ー is turned a quarter and ュ moved to the top right of its cell; the text still reads ミュラー.
        const QString out = path(QStringLiteral("vertical"));
        const ToolRun run = sign(m_input, out,
            {QStringLiteral("--seal"), QStringLiteral("round"), QStringLiteral("--seal-name"),
                QStringLiteral("ミュラー")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString signedPdf = out + QLatin1Char('/') + QFileInfo(m_input).fileName();
        const ToolRun text = runTool(
            QStringLiteral("pdftotext"), {QStringLiteral("-l"), QStringLiteral("1"), signedPdf, QStringLiteral("-")});
        QVERIFY2(withoutSpace(text.out).contains(QStringLiteral("ミュラー")), text.out.constData());
        // The long-vowel mark is drawn upright: in the seal's last cell it is taller than wide.
        const QImage image = render(signedPdf, 1, 288, path(QStringLiteral("vertical")));
        QVERIFY(!image.isNull());
        const double scale = 288.0 / 72;
        const QRect seal(qRound((595 - 28 - 42) * scale), qRound((kPageHeight - 28 - 42) * scale), qRound(42 * scale),
            qRound(42 * scale));
        // The last of four cells (design units 11–30.5 from the bottom), away from the ring itself.
        const QRect cell(seal.left() + seal.width() * 3 / 10, seal.top() + seal.height() * 71 / 100,
            seal.width() * 4 / 10, seal.height() * 17 / 100);
        int left = cell.right(), right = cell.left(), top = cell.bottom(), bottom = cell.top();
        for (int y = cell.top(); y <= cell.bottom(); ++y) {
            for (int x = cell.left(); x <= cell.right(); ++x) {
                if (isVermilion(image.pixel(x, y))) {
                    left = std::min(left, x);
                    right = std::max(right, x);
                    top = std::min(top, y);
                    bottom = std::max(bottom, y);
                }
            }
        }
        QVERIFY2(bottom - top > 2 * (right - left),
            qPrintable(QStringLiteral("%1 wide, %2 tall").arg(right - left).arg(bottom - top)));
    }

    void nameBeyondTheBmpMapsToUnicode()
    {
        if (!hasIpamj())
            QSKIP("fonts-ipamj-mincho is not installed");
        const QString out = path(QStringLiteral("yoshida"));
        const ToolRun run = sign(m_input, out,
            {QStringLiteral("--seal"), QStringLiteral("round"), QStringLiteral("--seal-name"), QStringLiteral("𠮷田")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString signedPdf = out + QLatin1Char('/') + QFileInfo(m_input).fileName();
        const ToolRun text = runTool(
            QStringLiteral("pdftotext"), {QStringLiteral("-l"), QStringLiteral("1"), signedPdf, QStringLiteral("-")});
        QVERIFY2(withoutSpace(text.out).contains(QStringLiteral("𠮷田")), text.out.constData());
        const ToolRun fonts = runTool(QStringLiteral("pdffonts"), {signedPdf});
        QVERIFY2(fonts.all().contains(QLatin1String("IPAmjMincho")), qPrintable(fonts.all()));
        // Default place: the bottom-right corner of page 1.
        const RenderDiff page1 = compare(render(m_input, 1, 72, path(QStringLiteral("yu"))),
            render(signedPdf, 1, 72, path(QStringLiteral("ys"))), {595 - 28 - 42, 28, 595 - 28, 28 + 42});
        QVERIFY(page1.vermilionInside > 300);
        QCOMPARE(page1.changedOutside, 0);
    }

    void everyStyleDraws_data()
    {
        QTest::addColumn<QString>("style");
        QTest::addColumn<QString>("expected");
        QTest::newRow("date") << QStringLiteral("date") << QStringLiteral("山田");
        QTest::newRow("square") << QStringLiteral("square") << QStringLiteral("株式会社山田建設");
        QTest::newRow("text") << QStringLiteral("text") << QStringLiteral("山田太郎");
    }

    void everyStyleDraws()
    {
        QFETCH(QString, style);
        QFETCH(QString, expected);
        const QString out = path(QStringLiteral("style-") + style);
        const ToolRun run = sign(m_input, out,
            {QStringLiteral("--seal"), style, QStringLiteral("--seal-name"),
                style == QLatin1String("text") ? QStringLiteral("山田太郎") : QStringLiteral("山田"),
                QStringLiteral("--seal-company"), QStringLiteral("株式会社山田建設"), QStringLiteral("--reason"),
                QStringLiteral("承認"), QStringLiteral("--page"), QStringLiteral("last"), QStringLiteral("--rect"),
                QStringLiteral("300,100,480,180")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString signedPdf = out + QLatin1Char('/') + QFileInfo(m_input).fileName();
        const RenderDiff diff = compare(render(m_input, 3, 72, path(QStringLiteral("u-") + style)),
            render(signedPdf, 3, 72, path(QStringLiteral("s-") + style)), {300, 100, 480, 180});
        QVERIFY(diff.comparable);
        QVERIFY2(diff.vermilionInside > 300, qPrintable(QString::number(diff.vermilionInside)));
        QCOMPARE(diff.changedOutside, 0);
        const ToolRun text = runTool(
            QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("3"), signedPdf, QStringLiteral("-")});
        if (style == QLatin1String("square")) {
            // Columns from the right: text extraction reads the grid row by row, so look for each character.
            for (const QChar c : expected)
                QVERIFY2(withoutSpace(text.out).contains(c), text.out.constData());
        } else {
            QVERIFY2(withoutSpace(text.out).contains(expected), text.out.constData());
        }
        if (style == QLatin1String("date")) {
            // The signing date in Japan time.
            const QString today
                = QDateTime::currentDateTimeUtc().toOffsetFromUtc(9 * 3600).toString(QStringLiteral("yyyy.MM.dd"));
            QVERIFY2(withoutSpace(text.out).contains(today), text.out.constData());
        }
        QVERIFY(pdfsig(signedPdf).all().contains(QLatin1String("Signature is Valid.")));
    }

    void secondAndThirdSealsKeepEarlierSignaturesValid()
    {
        const QString first = path(QStringLiteral("chain1"));
        const QString second = path(QStringLiteral("chain2"));
        const QString third = path(QStringLiteral("chain3"));
        const QString name = QFileInfo(m_input).fileName();
        QCOMPARE(sign(m_input, first,
                     {QStringLiteral("--seal"), QStringLiteral("round"), QStringLiteral("--seal-name"),
                         QStringLiteral("山田"), QStringLiteral("--rect"), QStringLiteral("100,100,150,150")})
                     .exitCode,
            0);
        QCOMPARE(sign(first + QLatin1Char('/') + name, second,
                     {QStringLiteral("--seal"), QStringLiteral("date"), QStringLiteral("--seal-name"),
                         QStringLiteral("佐藤"), QStringLiteral("--rect"), QStringLiteral("200,100,260,160")})
                     .exitCode,
            0);
        const ToolRun last = sign(second + QLatin1Char('/') + name, third,
            {QStringLiteral("--seal"), QStringLiteral("text"), QStringLiteral("--seal-name"),
                QStringLiteral("鈴木一郎"), QStringLiteral("--page"), QStringLiteral("3")});
        QVERIFY2(last.exitCode == 0, qPrintable(last.all()));
        const QString signedPdf = third + QLatin1Char('/') + name;
        const ToolRun sig = pdfsig(signedPdf);
        QCOMPARE(sig.all().count(QLatin1String("Signature is Valid.")), 3);
        QCOMPARE(qpdfCheck(signedPdf).exitCode, 0);
        // Our own difference analysis: each later seal is an allowed change for the earlier signatures.
        const ToolRun verified = verify(signedPdf);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.all()));
        // The server's upload rule takes each sealed revision as "one signature and nothing else".
        const QStringList revisions {
            m_input, first + QLatin1Char('/') + name, second + QLatin1Char('/') + name, signedPdf};
        for (qsizetype k = 1; k < revisions.size(); ++k) {
            auto inspection = SignatureInspector::inspectFile(revisions[k], {});
            QVERIFY(inspection.ok());
            const Result<int> accepted
                = checkSignatureAppend(revisions[k], QFileInfo(revisions[k - 1]).size(), *inspection);
            QVERIFY2(accepted.ok(), qPrintable(accepted.ok() ? QString() : accepted.error().detail));
        }
        // All three seals on the pages.
        const QString page1 = withoutSpace(runTool(
            QStringLiteral("pdftotext"), {QStringLiteral("-l"), QStringLiteral("1"), signedPdf, QStringLiteral("-")})
                                               .out);
        QVERIFY2(page1.contains(QStringLiteral("山田")) && page1.contains(QStringLiteral("佐藤")), qPrintable(page1));
        const QString page3 = withoutSpace(runTool(
            QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("3"), signedPdf, QStringLiteral("-")})
                                               .out);
        QVERIFY2(page3.contains(QStringLiteral("鈴木一郎")), qPrintable(page3));
    }

    void badSealOptionsWriteNothing_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("code");
        const QString seal = QStringLiteral("--seal");
        const QString round = QStringLiteral("round");
        const QString name = QStringLiteral("--seal-name");
        const QString rect = QStringLiteral("--rect");
        const QString page = QStringLiteral("--page");
        QTest::newRow("unknown style") << QStringList {seal, QStringLiteral("oval")} << QStringLiteral("E4220");
        QTest::newRow("inverted rect") << QStringList {seal, round, name, QStringLiteral("山田"), rect,
            QStringLiteral("300,100,200,150")}
                                       << QStringLiteral("E4222");
        QTest::newRow("rect off the page")
            << QStringList {seal, round, name, QStringLiteral("山田"), rect, QStringLiteral("580,100,640,160")}
            << QStringLiteral("E4222");
        QTest::newRow("rect not numbers") << QStringList {seal, round, name, QStringLiteral("山田"), rect,
            QStringLiteral("1,2,x,4")} << QStringLiteral("E4222");
        QTest::newRow("rect three numbers") << QStringList {seal, round, name, QStringLiteral("山田"), rect,
            QStringLiteral("1,2,3")} << QStringLiteral("E4222");
        QTest::newRow("rect infinite") << QStringList {seal, round, name, QStringLiteral("山田"), rect,
            QStringLiteral("0,0,inf,100")}
                                       << QStringLiteral("E4222");
        QTest::newRow("page out of range") << QStringList {seal, round, name, QStringLiteral("山田"), page,
            QStringLiteral("4")} << QStringLiteral("E4223");
        QTest::newRow("page zero") << QStringList {seal, round, name, QStringLiteral("山田"), page, QStringLiteral("0")}
                                   << QStringLiteral("E4223");
        QTest::newRow("page word") << QStringList {seal, round, name, QStringLiteral("山田"), page,
            QStringLiteral("first")}
                                   << QStringLiteral("E4223");
        QTest::newRow("empty name") << QStringList {seal, round, name, QStringLiteral("  ")} << QStringLiteral("E4221");
        QTest::newRow("round name too long")
            << QStringList {seal, round, name, QStringLiteral("山田太郎子")} << QStringLiteral("E4221");
        QTest::newRow("romanized CN on a round seal") << QStringList {seal, round} << QStringLiteral("E4221");
        QTest::newRow("text name too long")
            << QStringList {seal, QStringLiteral("text"), name, QString(25, QChar(0x5C71))} << QStringLiteral("E4221");
        QTest::newRow("control character")
            << QStringList {seal, round, name, QStringLiteral("山\u0007田")} << QStringLiteral("E4221");
        QTest::newRow("no glyph") << QStringList {seal, round, name, QStringLiteral("山\U0001F600")}
                                  << QStringLiteral("E4224");
    }

    void badSealOptionsWriteNothing()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, code);
        const QString out = path(QStringLiteral("bad"));
        QDir(out).removeRecursively();
        const ToolRun run = sign(m_input, out, options);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.all().contains(code), qPrintable(run.all()));
        QVERIFY(!QFileInfo::exists(out + QLatin1Char('/') + QFileInfo(m_input).fileName()));
    }

    void sealOptionsNeedSeal()
    {
        const ToolRun run
            = sign(m_input, path(QStringLiteral("noseal")), {QStringLiteral("--page"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 2);
    }

    void emptyFieldIsFilledWithTheSeal()
    {
        // A prepared form: the fixture's text field (object 7) turned into an empty signature field on page 1.
        PdfFixtureOptions fixture;
        fixture.form = PdfFixtureOptions::Form::IndirectAcroForm;
        const QByteArray prepared = appendUpdate(minimalPdf(fixture),
            {{7, "<< /FT /Sig /T (Yamada) /Type /Annot /Subtype /Widget /Rect [400 80 460 140] /F 4 /P 5 0 R >>"}});
        const QString input = path(QStringLiteral("form.pdf"));
        QVERIFY(writeAll(input, prepared));
        const QString out = path(QStringLiteral("filled"));
        const ToolRun run = sign(input, out,
            {QStringLiteral("--seal"), QStringLiteral("round"), QStringLiteral("--seal-name"), QStringLiteral("山田"),
                QStringLiteral("--field"), QStringLiteral("Yamada")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString signedPdf = out + QStringLiteral("/form.pdf");
        const ToolRun sig = pdfsig(signedPdf);
        QVERIFY2(sig.all().contains(QLatin1String("Signature Field Name: Yamada")), qPrintable(sig.all()));
        QVERIFY2(sig.all().contains(QLatin1String("Signature is Valid.")), qPrintable(sig.all()));
        QCOMPARE(sig.all().count(QLatin1String("Signature #")), 1);
        QCOMPARE(qpdfCheck(signedPdf).exitCode, 0);
        auto inspection = SignatureInspector::inspectFile(signedPdf, {});
        QVERIFY(inspection.ok());
        const Result<int> accepted = checkSignatureAppend(signedPdf, prepared.size(), *inspection);
        QVERIFY2(accepted.ok(), qPrintable(accepted.ok() ? QString() : accepted.error().detail));
        const ToolRun verified = verify(signedPdf);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.all()));
        const QImage before = render(input, 1, 72, path(QStringLiteral("fu")));
        const QImage after = render(signedPdf, 1, 72, path(QStringLiteral("fs")));
        QVERIFY(!after.isNull() && before.size() == after.size());
        int inside = 0;
        int outside = 0;
        const QRect field(400, kPageHeight - 140, 60, 60);
        for (int y = 0; y < after.height(); ++y) {
            for (int x = 0; x < after.width(); ++x) {
                if (field.adjusted(-1, -1, 1, 1).contains(x, y))
                    inside += isVermilion(after.pixel(x, y)) ? 1 : 0;
                else
                    outside += after.pixel(x, y) != before.pixel(x, y) ? 1 : 0;
            }
        }
        QVERIFY2(inside > 400, qPrintable(QString::number(inside)));
        QCOMPARE(outside, 0);

        // Signed fields cannot be signed again; unknown names, and --rect with --field, are refused.
        const ToolRun again = sign(
            signedPdf, path(QStringLiteral("filled-again")), {QStringLiteral("--field"), QStringLiteral("Yamada")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.all().contains(QLatin1String("E4225")), qPrintable(again.all()));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("filled-again/form.pdf"))));
        const ToolRun unknown
            = sign(input, path(QStringLiteral("unknown")), {QStringLiteral("--field"), QStringLiteral("Sato")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.all().contains(QLatin1String("E4225")), qPrintable(unknown.all()));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("unknown/form.pdf"))));
        QCOMPARE(sign(input, path(QStringLiteral("both")),
                     {QStringLiteral("--seal"), QStringLiteral("round"), QStringLiteral("--seal-name"),
                         QStringLiteral("山田"), QStringLiteral("--field"), QStringLiteral("Yamada"),
                         QStringLiteral("--rect"), QStringLiteral("1,1,50,50")})
                     .exitCode,
            2);
    }

    // A prepared form whose signature fields keep their widget in /Kids under a parent field ("Parties.Yamada",
    // "Parties.Sato"): each signer's seal lands inside their own widget's /Rect only, both signatures stay valid for
    // pdfsig, qpdf and our difference analysis (form filling); a field with two widgets or a text field is refused.
    void kidsFieldsFilledByTwoSigners()
    {
        const QString input = path(QStringLiteral("kids.pdf"));
        QVERIFY(writeAll(input, kidsFormPdf()));
        const ToolRun first = sign(input, path(QStringLiteral("kids1")),
            {QStringLiteral("--seal"), QStringLiteral("round"), QStringLiteral("--seal-name"), QStringLiteral("山田"),
                QStringLiteral("--field"), QStringLiteral("Parties.Yamada")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.all()));
        const QString once = path(QStringLiteral("kids1/kids.pdf"));
        QVERIFY(isPrefixOf(input, once));
        const RenderDiff yamada = compare(render(input, 1, 72, path(QStringLiteral("k0"))),
            render(once, 1, 72, path(QStringLiteral("k1"))), {400, 80, 460, 140});
        QVERIFY(yamada.comparable);
        QVERIFY2(yamada.vermilionInside > 400, qPrintable(QString::number(yamada.vermilionInside)));
        QCOMPARE(yamada.changedOutside, 0);

        // The second signer, with their own key, fills the sibling field.
        const QString keystore2 = path(QStringLiteral("sato.p12"));
        const ToolRun create = cli({QStringLiteral("keystore"), QStringLiteral("create"), QStringLiteral("--out"),
                                       keystore2, QStringLiteral("--self-signed"), QStringLiteral("--name"),
                                       QStringLiteral("Hanako Sato"), QStringLiteral("--pin-stdin")},
            kPin + '\n');
        QVERIFY2(create.exitCode == 0, qPrintable(create.all()));
        const ToolRun second
            = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), keystore2, QStringLiteral("--pin-stdin"),
                      QStringLiteral("--out-dir"), path(QStringLiteral("kids2")), QStringLiteral("--seal"),
                      QStringLiteral("round"), QStringLiteral("--seal-name"), QStringLiteral("佐藤"),
                      QStringLiteral("--field"), QStringLiteral("Parties.Sato"), once},
                kPin + '\n');
        QVERIFY2(second.exitCode == 0, qPrintable(second.all()));
        const QString twice = path(QStringLiteral("kids2/kids.pdf"));
        const RenderDiff sato = compare(render(once, 1, 72, path(QStringLiteral("k1b"))),
            render(twice, 1, 72, path(QStringLiteral("k2"))), {300, 80, 360, 140});
        QVERIFY(sato.comparable);
        QVERIFY2(sato.vermilionInside > 400, qPrintable(QString::number(sato.vermilionInside)));
        QCOMPARE(sato.changedOutside, 0);

        const ToolRun sig = pdfsig(twice);
        QVERIFY2(sig.all().count(QLatin1String("Signature is Valid.")) == 2, qPrintable(sig.all()));
        QVERIFY2(sig.all().contains(QLatin1String("Parties.Yamada")), qPrintable(sig.all()));
        QVERIFY2(qpdfCheck(twice).exitCode == 0, qPrintable(qpdfCheck(twice).all()));
        const ToolRun verified = cli({QStringLiteral("verify"), QStringLiteral("--json"), twice});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.all()));
        const QJsonArray signatures = QJsonDocument::fromJson(verified.out)
                                          .object()[QStringLiteral("files")]
                                          .toArray()
                                          .at(0)
                                          .toObject()[QStringLiteral("signatures")]
                                          .toArray();
        QCOMPARE(signatures.size(), 2);
        const QJsonObject earlier = signatures.at(0).toObject();
        QCOMPARE(earlier[QStringLiteral("field")].toString(), QStringLiteral("Parties.Yamada"));
        QCOMPARE(earlier[QStringLiteral("modificationLevel")].toString(), QStringLiteral("form-filling"));
        QCOMPARE(earlier[QStringLiteral("verdict")].toString(), QStringLiteral("valid-untrusted"));
        QCOMPARE(signatures.at(1).toObject()[QStringLiteral("field")].toString(), QStringLiteral("Parties.Sato"));
        // The server's upload rule takes the second revision as one signature and nothing else.
        auto inspection = SignatureInspector::inspectFile(twice, {});
        QVERIFY(inspection.ok());
        const Result<int> accepted = checkSignatureAppend(twice, QFileInfo(once).size(), *inspection);
        QVERIFY2(accepted.ok(), qPrintable(accepted.ok() ? QString() : accepted.error().detail));

        // Refused with their codes, nothing written.
        const std::pair<const char*, const char*> refusals[]
            = {{"Twice", "E4231"}, {"Note", "E4232"}, {"Parties.Yamada", "E4225"}, {"Parties", "E4225"}};
        for (const auto& [field, code] : refusals) {
            const QString out = path(QStringLiteral("kids-refused"));
            QDir(out).removeRecursively();
            const ToolRun refused = sign(twice, out,
                {QStringLiteral("--seal"), QStringLiteral("round"), QStringLiteral("--seal-name"),
                    QStringLiteral("山田"), QStringLiteral("--field"), QString::fromLatin1(field)});
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.all().contains(QLatin1String(code)), qPrintable(refused.all()));
            QVERIFY(!QFileInfo::exists(out + QStringLiteral("/kids.pdf")));
        }
    }

    void sealInEncryptedDocumentsIsEncryptedToo_data()
    {
        QTest::addColumn<QStringList>("encryption");
        QTest::newRow("AES-256") << QStringList {QStringLiteral("256")};
        QTest::newRow("RC4-128") << QStringList {QStringLiteral("128"), QStringLiteral("--use-aes=n")};
        QTest::newRow("AES-128") << QStringList {QStringLiteral("128"), QStringLiteral("--use-aes=y")};
    }

    void sealInEncryptedDocumentsIsEncryptedToo()
    {
        QFETCH(QStringList, encryption);
        const QString encrypted
            = path(QStringLiteral("encrypted-%1.pdf").arg(QString::fromLatin1(QTest::currentDataTag())));
        const ToolRun qpdf = runTool(QStringLiteral("qpdf"),
            QStringList {QStringLiteral("--allow-weak-crypto"), QStringLiteral("--encrypt"), QStringLiteral("user"),
                QStringLiteral("owner")}
                + encryption + QStringList {QStringLiteral("--"), m_input, encrypted});
        QVERIFY2(qpdf.exitCode == 0, qPrintable(qpdf.all()));
        const QString out = path(QStringLiteral("encrypted-out-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
        const ToolRun run
            = cli({QStringLiteral("sign"), QStringLiteral("--keystore"), m_keystore, QStringLiteral("--pin-stdin"),
                      QStringLiteral("--password-stdin"), QStringLiteral("--out-dir"), out, QStringLiteral("--seal"),
                      QStringLiteral("round"), QStringLiteral("--seal-name"), QStringLiteral("山田"), encrypted},
                kPin + "\nuser\n");
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QString signedPdf = out + QLatin1Char('/') + QFileInfo(encrypted).fileName();
        const QStringList password {QStringLiteral("-upw"), QStringLiteral("user")};
        const ToolRun text = runTool(QStringLiteral("pdftotext"),
            password + QStringList {QStringLiteral("-l"), QStringLiteral("1"), signedPdf, QStringLiteral("-")});
        QVERIFY2(withoutSpace(text.out).contains(QStringLiteral("山田")), qPrintable(text.all()));
        const ToolRun fonts = runTool(QStringLiteral("pdffonts"), password + QStringList {signedPdf});
        QVERIFY2(fonts.all().contains(QLatin1String("IPAexMincho")), qPrintable(fonts.all()));
        QVERIFY2(!fonts.all().contains(QLatin1String("Error")), qPrintable(fonts.all()));
        auto renderEncrypted = [&](const QString& pdf, const QString& prefix) {
            runTool(QStringLiteral("pdftoppm"),
                password
                    + QStringList {QStringLiteral("-r"), QStringLiteral("72"), QStringLiteral("-png"),
                        QStringLiteral("-singlefile"), QStringLiteral("-l"), QStringLiteral("1"), pdf, prefix});
            return QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
        };
        const RenderDiff diff = compare(renderEncrypted(encrypted, path(QStringLiteral("eu"))),
            renderEncrypted(signedPdf, path(QStringLiteral("es"))), {595 - 28 - 42, 28, 595 - 28, 28 + 42});
        QVERIFY(diff.comparable);
        QVERIFY2(diff.vermilionInside > 300, qPrintable(QString::number(diff.vermilionInside)));
        QCOMPARE(diff.changedOutside, 0);
        const ToolRun check = runTool(
            QStringLiteral("qpdf"), {QStringLiteral("--password=user"), QStringLiteral("--check"), signedPdf});
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
    }

    void appearanceIsBuiltOnceAndSmall()
    {
        pdf::SealSpec spec;
        spec.style = pdf::SealStyle::Date;
        spec.name = QStringLiteral("山田");
        spec.company = QStringLiteral("山田建設");
        spec.signingTime = QDateTime(QDate(2026, 12, 31), QTime(20, 0), Qt::UTC);
        auto seal = pdf::SealAppearance::build(spec);
        QVERIFY2(seal.ok(), qPrintable(seal.ok() ? QString() : seal.error().detail));
        pdf::IncrementalUpdate update(10);
        const Result<pdf::PdfRef> form = (*seal)->write(update, 60, 60);
        QVERIFY(form.ok());
        QCOMPARE(form->number, 10u);
        QCOMPARE(update.objectCount(), 6);
        pdf::IncrementalUpdate::TrailerFields trailer;
        trailer.root = pdf::PdfObject::reference({1, 0});
        const QByteArray bytes = update.write(1000, pdf::XrefStyle::Table, trailer);
        QVERIFY2(bytes.size() < 20000, qPrintable(QString::number(bytes.size())));
        QVERIFY(!(*seal)->fontPath().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSeal)
#include "tst_seal.moc"
