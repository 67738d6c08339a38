// The lean PDF reader: every cross-reference shape qpdf makes, hand-made hybrids and revisions, hostile input.
#include "pdf/IncrementalUpdate.h"
#include "pdf/PdfCatalog.h"
#include "pdf/PdfParser.h"
#include "pdf/PdfReader.h"
#include "pdf/PdfSigner.h"
#include "pdf/PdfText.h"
#include "pdf/SignatureInspector.h"

#include "PdfFixtures.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ikkatsu;
using namespace ikkatsu::pdf;
using namespace ikkatsu::test;

class TestPdfReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString file = path(name);
        writeAll(file, bytes);
        return file;
    }

    // Opens, resolves the catalog and the first page: what every signer run needs.
    static Status readEssentials(const QString& file, PdfRef* firstPage = nullptr)
    {
        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(file);
        if (!reader)
            return reader.error();
        Result<PdfObject> catalog = (*reader)->object((*reader)->rootRef());
        if (!catalog)
            return catalog.error();
        if (!catalog->isDictionary())
            return makeError(ErrorCode::PdfMalformed, QStringLiteral("catalog"));
        Result<PdfRef> page = findFirstPage(**reader, *catalog);
        if (!page)
            return page.error();
        Result<std::vector<SignatureField>> fields = findSignatureFields(**reader, *catalog);
        if (!fields)
            return fields.error();
        if (firstPage)
            *firstPage = *page;
        return {};
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void classicTable()
    {
        const QString file = write(QStringLiteral("classic.pdf"), minimalPdf());
        QVERIFY(qpdfCheck(file).exitCode == 0);
        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(file);
        QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().detail));
        PdfReader& r = **reader;
        QCOMPARE(r.sections().size(), size_t(1));
        QVERIFY(!r.newestSection().isStream);
        QCOMPARE(r.rootRef().number, 1u);
        QVERIFY(!r.isEncrypted());
        QCOMPARE(r.revisionCount(), 1);
        QVERIFY(r.isRevisionEnd(r.fileSize()));
        QVERIFY(!r.isRevisionEnd(r.fileSize() - 3));
        QCOMPARE(r.nextFreeObjectNumber(), 7u);
        Result<PdfObject> info = r.object(r.trailer().get("Info").toReference());
        QVERIFY(info);
        QCOMPARE(info->get("Title").bytes(), QByteArray("Ikkatsu fixture"));
        // A stream reads back through its /Length.
        Result<PdfObject> content = r.object(PdfRef {6, 0});
        QVERIFY(content && content->isStream());
        Result<QByteArray> data = r.decodedStreamData(*content, 1 << 20);
        QVERIFY(data);
        QVERIFY(data->startsWith("BT /F1 24 Tf"));
        PdfRef page;
        QVERIFY(readEssentials(file, &page));
        QCOMPARE(page.number, 5u);
    }

    void qpdfShapes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("xrefStream");
        QTest::addColumn<int>("revisions");
        QTest::newRow("object streams") << QStringList {QStringLiteral("--object-streams=generate")} << true << 1;
        QTest::newRow("linearized") << QStringList {QStringLiteral("--linearize")} << false << 1;
        QTest::newRow("linearized object streams")
            << QStringList {QStringLiteral("--linearize"), QStringLiteral("--object-streams=generate")} << true << 1;
        QTest::newRow("version 1.3") << QStringList {QStringLiteral("--force-version=1.3")} << false << 1;
        QTest::newRow("version 2.0") << QStringList {QStringLiteral("--force-version=2.0"),
            QStringLiteral("--object-streams=generate")}
                                     << true << 1;
        QTest::newRow("uncompressed streams")
            << QStringList {QStringLiteral("--stream-data=uncompress"), QStringLiteral("--object-streams=generate")}
            << true << 1;
    }

    void qpdfShapes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, xrefStream);
        QFETCH(int, revisions);
        PdfFixtureOptions options;
        options.pages = 3;
        options.form = PdfFixtureOptions::Form::IndirectAcroForm;
        const QString in = write(QStringLiteral("shape-in.pdf"), minimalPdf(options));
        const QString out = path(QStringLiteral("shape-out.pdf"));
        const QString qpdfError = runQpdf(in, out, arguments);
        QVERIFY2(qpdfError.isEmpty(), qPrintable(qpdfError));
        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(out);
        QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().detail));
        QCOMPARE((*reader)->newestSection().isStream, xrefStream);
        QCOMPARE((*reader)->revisionCount(), revisions);
        QVERIFY((*reader)->isRevisionEnd((*reader)->fileSize()));
        const Status essentials = readEssentials(out);
        QVERIFY2(essentials, qPrintable(essentials ? QString() : essentials.error().detail));
    }

    void manyRevisions()
    {
        QByteArray pdf = minimalPdf();
        for (int i = 1; i <= 12; ++i)
            pdf = appendInfoUpdate(pdf, i);
        const QString file = write(QStringLiteral("revisions.pdf"), pdf);
        QVERIFY(qpdfCheck(file).exitCode == 0);
        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(file);
        QVERIFY(reader);
        QCOMPARE((*reader)->sections().size(), size_t(13));
        QCOMPARE((*reader)->revisionCount(), 13);
        Result<PdfObject> info = (*reader)->object((*reader)->trailer().get("Info").toReference());
        QVERIFY(info);
        QCOMPARE(info->get("Title").bytes(), QByteArray("Revision 12"));
        // Each earlier revision's end is recognised; the middle of a revision is not.
        const qint64 firstEnd = minimalPdf().size();
        QVERIFY((*reader)->isRevisionEnd(firstEnd));
        QVERIFY(!(*reader)->isRevisionEnd(firstEnd - 10));
        QCOMPARE((*reader)->revisionsStartingAtOrAfter(firstEnd), 12);
    }

    // Beyond 10 GB a classic table cannot name an offset (ten digits per entry): an update to a table file there is
    // written as a cross-reference stream, and reads back. The file is sparse, so this costs no disk and no time;
    // bench/sign-beyond-10gb.sh signs such a file end to end and has pdfsig check it.
    void updateBeyondTenGigabytes()
    {
        const QString file = path(QStringLiteral("sparse-10g.pdf"));
        const qint64 hole = 10'100'000'000LL;
        QByteArray head = "%PDF-1.7\n";
        std::vector<qint64> offsets;
        auto object = [&](int number, const QByteArray& body) {
            offsets.push_back(head.size());
            head += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
        };
        object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        offsets.push_back(head.size());
        head += "4 0 obj\n<< /Length " + QByteArray::number(hole) + " >>\nstream\n";
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(out.write(head) == head.size());
        QVERIFY(out.resize(head.size() + hole)); // the hole: zeros the file system does not store
        QVERIFY(out.seek(head.size() + hole));
        QByteArray tail = "\nendstream\nendobj\n";
        const qint64 xref = head.size() + hole + tail.size();
        tail += "xref\n0 5\n0000000000 65535 f \n";
        for (const qint64 offset : offsets)
            tail += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
        tail += "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
        QVERIFY(out.write(tail) == tail.size());
        const qint64 inputSize = out.size();
        QVERIFY(inputSize > 10'000'000'000LL);

        IncrementalUpdate update(5);
        const PdfRef added = update.allocate();
        update.put(added, PdfObject::dictionary());
        IncrementalUpdate::TrailerFields trailer;
        trailer.root = PdfObject::reference({1, 0});
        trailer.prev = xref;
        const QByteArray appended = update.write(inputSize, XrefStyle::Table, trailer);
        QVERIFY2(appended.contains("/Type /XRef"), appended.constData());
        QVERIFY(!appended.contains("\nxref\n"));
        QVERIFY(update.offsetOf(added) > 10'000'000'000LL);
        QVERIFY(out.write(appended) == appended.size());
        out.close();

        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(file);
        QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().detail));
        QCOMPARE((*reader)->sections().size(), size_t(2));
        QVERIFY((*reader)->newestSection().isStream);
        Result<PdfObject> readBack = (*reader)->object(added);
        QVERIFY2(readBack && readBack->isDictionary(), "the object beyond 10 GB reads back");
        QVERIFY(readEssentials(file));
    }

    void hybridFile()
    {
        const QString file = write(QStringLiteral("hybrid.pdf"), hybridPdf());
        const ToolRun check = qpdfCheck(file);
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(file);
        QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().detail));
        QCOMPARE((*reader)->sections().size(), size_t(2));
        QVERIFY(!(*reader)->newestSection().isStream);
        QVERIFY((*reader)->sections()[1].isHybridStream);
        QCOMPARE((*reader)->revisionCount(), 1);
        const std::optional<XrefEntry> pages = (*reader)->lookup(2);
        QVERIFY(pages && pages->type == XrefEntryType::InObjectStream);
        PdfRef page;
        QVERIFY(readEssentials(file, &page));
        QCOMPARE(page.number, 3u);
    }

    void objectStreamsByHand()
    {
        const QString file = write(QStringLiteral("objstm.pdf"), objectStreamPdf(0));
        const ToolRun check = qpdfCheck(file);
        QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
        QVERIFY(readEssentials(file));
    }

    void brokenFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        const QByteArray good = minimalPdf();
        QByteArray nowhere = good;
        const qsizetype at = nowhere.lastIndexOf("startxref\n") + 10;
        nowhere.replace(at, nowhere.indexOf('\n', at) - at, "999999");
        QByteArray inside = good;
        inside.replace(at, inside.indexOf('\n', inside.lastIndexOf("startxref\n") + 10) - at, "20");
        QByteArray noRoot = good;
        noRoot.replace("/Root 1 0 R", "/Rxxx 1 0 R");
        QByteArray badOffset = good;
        // Object 1's table entry points into the middle of the header.
        badOffset.replace(badOffset.indexOf("0000000000 65535 f\r\n") + 20, 10, "0000000003");
        // The newest /Info nests arrays 200 deep; the xref offset after it is corrected for the longer object.
        QByteArray deep = appendInfoUpdate(good, 1);
        const QByteArray nest = QByteArray(200, '[') + QByteArray(200, ']');
        deep.replace("(Revision 1)", nest);
        const qsizetype xrefAt = deep.lastIndexOf("startxref\n") + 10;
        const qsizetype xrefEnd = deep.indexOf('\n', xrefAt);
        const qint64 shifted = deep.mid(xrefAt, xrefEnd - xrefAt).toLongLong() + nest.size() - 12;
        deep.replace(xrefAt, xrefEnd - xrefAt, QByteArray::number(shifted));
        QByteArray garbageTable = good;
        garbageTable.replace(garbageTable.lastIndexOf("xref\n0 ") + 5, 3, "x y");

        // /Prev as a real beyond 64 bits (found by fuzz_pdf_reader: its conversion was undefined) or below zero.
        const QByteArray updated = appendInfoUpdate(good, 1);
        const qsizetype prevAt = updated.lastIndexOf("/Prev ") + 6;
        const qsizetype prevEnd = updated.indexOf(' ', prevAt);
        QByteArray hugePrev = updated;
        hugePrev.replace(prevAt, prevEnd - prevAt, QByteArray(QByteArray(117, '4') + ".0"));
        QByteArray negativePrev = updated;
        negativePrev.replace(prevAt, prevEnd - prevAt, "-5.5");

        QTest::newRow("empty") << QByteArray() << int(ErrorCode::PdfNotPdf);
        QTest::newRow("prev huge real") << hugePrev << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("prev negative real") << negativePrev << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("garbage") << QByteArray(5000, 'x') << int(ErrorCode::PdfNotPdf);
        QTest::newRow("text") << QByteArray("hello, this is not a PDF at all\n") << int(ErrorCode::PdfNotPdf);
        QTest::newRow("truncated") << good.left(good.size() / 2) << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("header only") << good.left(40) << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("startxref nowhere") << nowhere << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("startxref inside") << inside << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("prev loop") << appendInfoUpdate(good, 1, true) << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("no root") << noRoot << int(ErrorCode::PdfMalformed);
        QTest::newRow("bad offset") << badOffset << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("garbage table") << garbageTable << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("nesting bomb") << deep << int(ErrorCode::PdfMalformed);
        QTest::newRow("xref stream bomb") << objectStreamPdf(80LL << 20, true) << int(ErrorCode::PdfXrefBroken);
        QTest::newRow("object stream bomb") << objectStreamPdf(80LL << 20) << int(ErrorCode::PdfMalformed);
    }

    void prevAsReal()
    {
        // Some writers emit /Prev as a real ("1234.0"); the reader follows its integer part.
        const QByteArray updated = appendInfoUpdate(minimalPdf(), 1);
        const qsizetype prevAt = updated.lastIndexOf("/Prev ") + 6;
        const qsizetype prevEnd = updated.indexOf(' ', prevAt);
        QByteArray real = updated;
        real.insert(prevEnd, ".0");
        QVERIFY(readEssentials(write(QStringLiteral("prev-real.pdf"), real)));
        Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(path(QStringLiteral("prev-real.pdf")));
        QVERIFY(reader);
        QCOMPARE((*reader)->revisionCount(), 2);
    }

    void brokenFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        const QString file = write(QStringLiteral("broken.pdf"), bytes);
        QElapsedTimer timer;
        timer.start();
        Status status = readEssentials(file);
        if (status && qstrcmp(QTest::currentDataTag(), "nesting bomb") == 0) {
            Result<std::unique_ptr<PdfReader>> reader = PdfReader::open(file);
            QVERIFY(reader);
            Result<PdfObject> info = (*reader)->object((*reader)->trailer().get("Info").toReference());
            status = info ? Status() : Status(info.error());
        }
        QVERIFY(!status);
        QCOMPARE(int(status.error().code), code);
        QVERIFY2(timer.elapsed() < 5000, "hostile input must fail fast");
    }

    void fuzzedFilesNeverCrash()
    {
        // Mutations of four shapes (one already signed) go through the reader, the signer and the inspector;
        // every outcome is fine except a crash, a hang, an unexpected code or a signature that does not verify.
        // IKKATSU_FUZZ_ROUNDS raises the count for longer runs (e.g. under the asan preset).
        const int rounds = qEnvironmentVariableIntValue("IKKATSU_FUZZ_ROUNDS") > 0
            ? qEnvironmentVariableIntValue("IKKATSU_FUZZ_ROUNDS")
            : 600;
        Result<PrivateKey> key = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
        QVERIFY(key);
        SubjectName subject;
        subject.commonName = QStringLiteral("Fuzz");
        Result<Certificate> certificate = createSelfSignedCertificate(*key, subject, 30);
        QVERIFY(certificate);
        const CadesSigner signer(*key, {*certificate});
        SignatureOptions signatureOptions;
        signatureOptions.name = QStringLiteral("Fuzz");

        PdfFixtureOptions options;
        options.form = PdfFixtureOptions::Form::IndirectFieldsArray;
        options.indirectAnnots = true;
        const QString plain = write(QStringLiteral("fuzz-plain.pdf"), minimalPdf(options));
        const QString compressed = path(QStringLiteral("fuzz-objstm.pdf"));
        QVERIFY(runQpdf(plain, compressed, {QStringLiteral("--object-streams=generate")}).isEmpty());
        const QString signedSeed = path(QStringLiteral("fuzz-signed.pdf"));
        QVERIFY(PdfSigner::signFile(compressed, signedSeed, signer, signatureOptions));
        const QList<QByteArray> seeds = {readAll(plain), readAll(compressed), hybridPdf(), readAll(signedSeed)};
        const QSet<ErrorCode> allowed = {ErrorCode::PdfNotPdf, ErrorCode::PdfMalformed, ErrorCode::PdfXrefBroken,
            ErrorCode::PdfUnsupported, ErrorCode::PdfEncrypted, ErrorCode::PdfLockedByDocMdp};
        QRandomGenerator random(20240601);
        const QByteArray syntax = "0123456789<>[]/()R \n";
        int refused = 0;
        int signedCount = 0;
        for (int round = 0; round < rounds; ++round) {
            QByteArray bytes = seeds[round % seeds.size()];
            const int mutations = 1 + random.bounded(4);
            for (int m = 0; m < mutations; ++m) {
                const int where = random.bounded(int(bytes.size()));
                switch (random.bounded(4)) {
                case 0:
                    bytes[where] = char(random.bounded(256));
                    break;
                case 1:
                    bytes[where] = syntax[random.bounded(int(syntax.size()))];
                    break;
                case 2:
                    bytes.remove(where, random.bounded(16));
                    break;
                default:
                    bytes.insert(where, bytes.mid(random.bounded(int(bytes.size())), random.bounded(32)));
                }
            }
            const QString file = write(QStringLiteral("fuzz.pdf"), bytes);
            const Status status = readEssentials(file);
            if (!status) {
                ++refused;
                QVERIFY2(allowed.contains(status.error().code), qPrintable(status.error().detail));
            }
            Result<InspectionReport> inspected = SignatureInspector::inspectFile(file, {*certificate});
            if (!inspected)
                QVERIFY2(allowed.contains(inspected.error().code), qPrintable(inspected.error().detail));
            const QString output = path(QStringLiteral("fuzz-out.pdf"));
            QFile::remove(output);
            Result<SignOutcome> outcome = PdfSigner::signFile(file, output, signer, signatureOptions);
            if (!outcome) {
                QVERIFY2(allowed.contains(outcome.error().code), qPrintable(outcome.error().detail));
                QVERIFY(!QFile::exists(output));
                continue;
            }
            ++signedCount;
            Result<InspectionReport> report = SignatureInspector::inspectFile(output, {*certificate});
            QVERIFY2(report, qPrintable(report ? QString() : report.error().detail));
            QVERIFY(!report->signatures.isEmpty());
            const SignatureReport& newest = report->signatures.last();
            QVERIFY2(newest.verdict == SignatureVerdict::Valid && newest.coversWholeDocument,
                qPrintable(newest.problem.detail));
        }
        qInfo("fuzz: %d rounds, %d refused by the reader, %d signed and verified", rounds, refused, signedCount);
    }

    void parserLimits()
    {
        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
        PdfParser parser(QByteArrayView(deep), 0, true);
        const Result<PdfObject> object = parser.parseObject();
        QVERIFY(!object);
        QCOMPARE(object.error().code, ErrorCode::PdfMalformed);

        const QByteArray strings
            = "<< /A (a\\(b\\)c\\\\ \\101\\n) /B <48656C6C6F2> /C /N#41me /D 1.50 /E -3 /F 4 0 R >>";
        PdfParser ok(QByteArrayView(strings), 100, true);
        Result<PdfObject> dict = ok.parseObject();
        QVERIFY(dict);
        QCOMPARE(dict->get("A").bytes(), QByteArray("a(b)c\\ A\n"));
        QCOMPARE(dict->get("B").bytes(), QByteArray("Hello "));
        QVERIFY(dict->get("B").isHexString());
        QCOMPARE(dict->get("B").sourceStart(), 100 + strings.indexOf("<4865"));
        QCOMPARE(dict->get("C").bytes(), QByteArray("NAme"));
        QCOMPARE(dict->get("D").serialize(), QByteArray("1.50"));
        QCOMPARE(dict->get("E").toInteger(), -3);
        QCOMPARE(dict->get("F").toReference().number, 4u);
        // Serialization round-trips through the parser.
        const QByteArray again = dict->serialize();
        PdfParser reparse(QByteArrayView(again), 0, true);
        Result<PdfObject> second = reparse.parseObject();
        QVERIFY(second);
        QCOMPARE(second->serialize(), again);
        QCOMPARE(second->get("A").bytes(), dict->get("A").bytes());
    }

    void hexStrings_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<bool>("complete");
        QTest::addColumn<QByteArray>("bytes"); // empty with ok false: refused
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("truncated");
        QTest::addColumn<qint64>("endsAt"); // the parser's position after the string

        QTest::newRow("empty") << QByteArray("<>") << true << QByteArray() << true << false << qint64(2);
        QTest::newRow("both cases") << QByteArray("<00fFaA7e>") << true << QByteArray("\x00\xff\xaa\x7e", 4) << true
                                    << false << qint64(10);
        const QByteArray spaced = QByteArray("< 4\r8\n65\t6C\f6C") + '\0' + QByteArray(" 6F >");
        QTest::newRow("whitespace") << spaced << true << QByteArray("Hello") << true << false << qint64(20);
        QTest::newRow("odd digit") << QByteArray("<414>") << true << QByteArray("A@") << true << false << qint64(5);
        QTest::newRow("then more") << QByteArray("<41> <42>") << true << QByteArray("A") << true << false << qint64(4);
        QTest::newRow("bad digit") << QByteArray("<41G2>") << true << QByteArray() << false << false << qint64(-1);
        QTest::newRow("unterminated") << QByteArray("<4142") << true << QByteArray() << false << false << qint64(-1);
        QTest::newRow("window ends") << QByteArray("<4142") << false << QByteArray() << false << true << qint64(-1);
        QTest::newRow("bad before window end")
            << QByteArray("<41x") << false << QByteArray() << false << false << qint64(-1);
        const QByteArray big = QByteArray(40000, 'a');
        QTest::newRow("signature sized") << QByteArray("<" + big + ">") << true << QByteArray(20000, '\xaa') << true
                                         << false << qint64(40002);
    }

    void hexStrings()
    {
        QFETCH(QByteArray, source);
        QFETCH(bool, complete);
        QFETCH(QByteArray, bytes);
        QFETCH(bool, ok);
        QFETCH(bool, truncated);
        QFETCH(qint64, endsAt);
        PdfParser parser(QByteArrayView(source), 0, complete);
        const Result<PdfObject> object = parser.parseObject();
        QCOMPARE(bool(object), ok);
        QCOMPARE(parser.truncated(), truncated);
        if (!ok)
            return;
        QVERIFY(object->isHexString());
        QCOMPARE(object->bytes(), bytes);
        QCOMPARE(parser.position(), endsAt);
    }

    void textStrings()
    {
        const QString japanese = QStringLiteral("承認（東京都千代田区）");
        const PdfObject encoded = textString(japanese);
        QVERIFY(encoded.isHexString());
        QVERIFY(encoded.bytes().startsWith("\xfe\xff"));
        QCOMPARE(decodeTextString(encoded.bytes()), japanese);
        const PdfObject ascii = textString(QStringLiteral("Approved (final)"));
        QVERIFY(!ascii.isHexString());
        QCOMPARE(ascii.serialize(), QByteArray("(Approved \\(final\\))"));
        QCOMPARE(decodeTextString("\xef\xbb\xbf" + japanese.toUtf8()), japanese);
        QCOMPARE(decodeTextString(japanese.toUtf8()), japanese);
        QCOMPARE(decodeTextString(QByteArray("\x80 \xa0 caf\xe9")), QStringLiteral("\u2022 \u20ac café"));

        const QDateTime time(QDate(2024, 4, 1), QTime(9, 30, 5), Qt::UTC);
        QCOMPARE(pdfDate(time), QByteArray("D:20240401093005+00'00'"));
        QCOMPARE(parsePdfDate("D:20240401093005+00'00'"), time);
        QCOMPARE(parsePdfDate("D:20240401183005+09'00'"), time);
        QCOMPARE(parsePdfDate("D:20240401183005+09'00"), time);
        QCOMPARE(parsePdfDate("D:2024").date(), QDate(2024, 1, 1));
        QVERIFY(!parsePdfDate("yesterday").isValid());
        QVERIFY(!parsePdfDate("D:20241341").isValid());
    }
};

QTEST_GUILESS_MAIN(TestPdfReader)
#include "tst_pdfreader.moc"
