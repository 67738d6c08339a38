// The signature inspector: valid, untrusted, tampered, reshaped ByteRange, later updates, foreign signatures.
#include "pdf/PdfReader.h"
#include "pdf/PdfSigner.h"
#include "pdf/SignatureInspector.h"

#include "PdfFixtures.h"
#include "TestSupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ikkatsu;
using namespace ikkatsu::test;

class TestSignatureInspector : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PrivateKey m_key;
    Certificate m_certificate;
    Certificate m_stranger;
    std::unique_ptr<CadesSigner> m_signer;
    QDateTime m_signingTime;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QString write(const QString& name, const QByteArray& bytes)
    {
        writeAll(path(name), bytes);
        return path(name);
    }

    SignatureOptions options() const
    {
        SignatureOptions options;
        options.reason = QStringLiteral("承認");
        options.location = QStringLiteral("大阪府");
        options.signingTime = m_signingTime;
        return options;
    }

    // Signs `source` and returns the signed bytes.
    QByteArray signedBytes(const QString& name, const QByteArray& source)
    {
        const QString input = write(name + QStringLiteral(".pdf"), source);
        const QString output = path(name + QStringLiteral(".signed.pdf"));
        Result<SignOutcome> outcome = PdfSigner::signFile(input, output, *m_signer, options());
        if (!outcome)
            qWarning("signing failed: %s", qPrintable(outcome.error().detail));
        return readAll(output);
    }

    Result<InspectionReport> inspect(const QString& name, const QByteArray& bytes, bool trusted = true)
    {
        return SignatureInspector::inspectFile(
            write(name, bytes), trusted ? QList<Certificate> {m_certificate} : QList<Certificate> {});
    }

    // Replaces the last /ByteRange's numbers (keeping the text length) so that other checks stay meaningful.
    static QByteArray withByteRange(QByteArray pdf, const std::array<qint64, 4>& range)
    {
        const qsizetype at = pdf.lastIndexOf("/ByteRange [");
        const qsizetype end = pdf.indexOf(']', at);
        QByteArray replacement = "/ByteRange [" + QByteArray::number(range[0]) + ' ' + QByteArray::number(range[1])
            + ' ' + QByteArray::number(range[2]) + ' ' + QByteArray::number(range[3]);
        replacement = replacement.leftJustified(end - at, ' ');
        pdf.replace(at, end - at, replacement);
        return pdf;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_signingTime = QDateTime::currentDateTimeUtc();
        m_signingTime.setTime(
            QTime(m_signingTime.time().hour(), m_signingTime.time().minute(), m_signingTime.time().second()));
        Result<PrivateKey> key = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
        QVERIFY(key);
        m_key = std::move(key).value();
        SubjectName subject;
        subject.commonName = QStringLiteral("Sato Ichiro");
        subject.organization = QStringLiteral("Ikkatsu Trust");
        Result<Certificate> certificate = createSelfSignedCertificate(m_key, subject, 30);
        QVERIFY(certificate);
        m_certificate = *certificate;
        m_signer = std::make_unique<CadesSigner>(m_key, QList<Certificate> {m_certificate});

        Result<PrivateKey> otherKey = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
        QVERIFY(otherKey);
        subject.commonName = QStringLiteral("Someone Else");
        Result<Certificate> stranger = createSelfSignedCertificate(*otherKey, subject, 30);
        QVERIFY(stranger);
        m_stranger = *stranger;
    }

    void validSignature()
    {
        const QByteArray pdf = signedBytes(QStringLiteral("valid"), minimalPdf());
        Result<InspectionReport> report = inspect(QStringLiteral("valid-check.pdf"), pdf);
        QVERIFY(report);
        QCOMPARE(report->fileSize, pdf.size());
        QCOMPARE(report->revisions, 2);
        QCOMPARE(report->signatures.size(), 1);
        const SignatureReport& signature = report->signatures.first();
        QCOMPARE(signature.verdict, SignatureVerdict::Valid);
        QCOMPARE(signatureVerdictName(signature.verdict), QStringLiteral("valid"));
        QCOMPARE(signature.fieldName, QStringLiteral("Signature1"));
        QCOMPARE(signature.signerName, QStringLiteral("Sato Ichiro"));
        QVERIFY(signature.signerSubject.contains(QLatin1String("CN=Sato Ichiro")));
        QVERIFY(signature.signerCertificate == m_certificate);
        QCOMPARE(signature.claimedSigningTime, m_signingTime);
        QCOMPARE(signature.subFilter, QStringLiteral("ETSI.CAdES.detached"));
        QCOMPARE(signature.reason, QStringLiteral("承認"));
        QCOMPARE(signature.location, QStringLiteral("大阪府"));
        QCOMPARE(signature.byteRange[0], 0);
        QCOMPARE(signature.signedRevisionEnd, pdf.size());
        QVERIFY(signature.coversWholeDocument);
        QCOMPARE(signature.laterRevisions, 0);
    }

    void untrusted()
    {
        const QByteArray pdf = signedBytes(QStringLiteral("untrusted"), minimalPdf());
        Result<InspectionReport> noAnchors = inspect(QStringLiteral("untrusted-none.pdf"), pdf, false);
        QVERIFY(noAnchors);
        QCOMPARE(noAnchors->signatures.first().verdict, SignatureVerdict::ValidUntrusted);
        QCOMPARE(noAnchors->signatures.first().problem.code, ErrorCode::SignerUntrusted);
        QCOMPARE(signatureVerdictName(SignatureVerdict::ValidUntrusted), QStringLiteral("valid-untrusted"));

        Result<InspectionReport> otherAnchor
            = SignatureInspector::inspectFile(path(QStringLiteral("untrusted-none.pdf")), {m_stranger});
        QVERIFY(otherAnchor);
        QCOMPARE(otherAnchor->signatures.first().verdict, SignatureVerdict::ValidUntrusted);
        QCOMPARE(otherAnchor->signatures.first().problem.code, ErrorCode::SignerUntrusted);
    }

    void tamperedByte()
    {
        QByteArray pdf = signedBytes(QStringLiteral("tampered"), minimalPdf());
        const qsizetype at = pdf.indexOf("(Page 1)");
        QVERIFY(at > 0);
        pdf[at + 6] = '7';
        Result<InspectionReport> report = inspect(QStringLiteral("tampered-check.pdf"), pdf);
        QVERIFY(report);
        QCOMPARE(report->signatures.first().verdict, SignatureVerdict::Invalid);
        QCOMPARE(report->signatures.first().problem.code, ErrorCode::SignatureDigestMismatch);
        QCOMPARE(signatureVerdictName(SignatureVerdict::Invalid), QStringLiteral("invalid"));
        // pdfsig agrees.
        QVERIFY(pdfsig(path(QStringLiteral("tampered-check.pdf"))).all().contains(QLatin1String("Digest Mismatch")));
    }

    void tamperedSignature()
    {
        // A flipped byte inside the CMS (the hex gap is not hashed) breaks the signature, not the digest.
        QByteArray pdf = signedBytes(QStringLiteral("tampered-cms"), minimalPdf());
        const qsizetype at = pdf.lastIndexOf("/Contents <") + 11;
        const QByteArray der = QByteArray::fromHex(pdf.mid(at, pdf.indexOf('>', at) - at));
        // The signature value is near the end of the DER: flip a nibble 40 bytes before it ends.
        const qsizetype derLength
            = 4 + ((static_cast<unsigned char>(der[2]) << 8) | static_cast<unsigned char>(der[3]));
        const qsizetype nibble = at + 2 * (derLength - 40);
        pdf[nibble] = pdf[nibble] == 'A' ? 'B' : 'A';
        Result<InspectionReport> report = inspect(QStringLiteral("tampered-cms-check.pdf"), pdf);
        QVERIFY(report);
        QCOMPARE(report->signatures.first().verdict, SignatureVerdict::Invalid);
        QCOMPARE(report->signatures.first().problem.code, ErrorCode::SignatureInvalid);
    }

    void reshapedByteRange_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<qint64>("delta");
        QTest::addColumn<QString>("detail");
        QTest::newRow("end short of %%EOF") << 3 << qint64(-7) << QStringLiteral("end of a revision");
        QTest::newRow("end beyond the file") << 3 << qint64(5) << QStringLiteral("does not fit");
        QTest::newRow("gap starts late") << 1 << qint64(2) << QStringLiteral("/Contents");
        QTest::newRow("gap ends early") << 2 << qint64(-2) << QStringLiteral("/Contents");
        QTest::newRow("overlap") << 4 << qint64(0) << QStringLiteral("does not fit");
        QTest::newRow("not from 0") << 0 << qint64(1) << QStringLiteral("does not fit");
    }

    void reshapedByteRange()
    {
        QFETCH(int, which);
        QFETCH(qint64, delta);
        QFETCH(QString, detail);
        const QByteArray pdf = signedBytes(QStringLiteral("reshaped"), minimalPdf());
        Result<InspectionReport> original = inspect(QStringLiteral("reshaped-original.pdf"), pdf);
        QVERIFY(original);
        std::array<qint64, 4> range = original->signatures.first().byteRange;
        if (which == 4) {
            // The second range starts before the first one ends; the end stays where it was.
            const qint64 end = range[2] + range[3];
            range[2] = range[1] - 10;
            range[3] = end - range[2];
        } else {
            range[which] += delta;
            if (which == 2)
                range[3] -= delta; // keep the end where it was, so only the gap is wrong
        }
        Result<InspectionReport> report = inspect(QStringLiteral("reshaped-check.pdf"), withByteRange(pdf, range));
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 1);
        const SignatureReport& signature = report->signatures.first();
        QCOMPARE(signature.verdict, SignatureVerdict::Invalid);
        QCOMPARE(signature.problem.code, ErrorCode::ByteRangeInvalid);
        QVERIFY2(signature.problem.detail.contains(detail), qPrintable(signature.problem.detail));
    }

    void laterUpdate()
    {
        const QByteArray pdf = appendInfoUpdate(signedBytes(QStringLiteral("later"), minimalPdf()), 1);
        Result<InspectionReport> report = inspect(QStringLiteral("later-check.pdf"), pdf);
        QVERIFY(report);
        QCOMPARE(report->revisions, 3);
        const SignatureReport& signature = report->signatures.first();
        // The later revision replaces the document's Info: the signature still verifies over its revision, but what
        // a viewer shows is no longer what was signed.
        QCOMPARE(signature.verdict, SignatureVerdict::Invalid);
        QCOMPARE(signature.problem.code, ErrorCode::SignatureModified);
        QCOMPARE(indicationName(signature.indication), QStringLiteral("TOTAL-FAILED"));
        QVERIFY(!signature.coversWholeDocument);
        QCOMPARE(signature.laterRevisions, 1);
        QVERIFY(signature.signedRevisionEnd < pdf.size());
    }

    void objectStreamsAndLinearized()
    {
        const QString source = write(QStringLiteral("shape-src.pdf"), minimalPdf());
        const QString shaped = path(QStringLiteral("shape.pdf"));
        QVERIFY(runQpdf(source, shaped, {QStringLiteral("--linearize"), QStringLiteral("--object-streams=generate")})
                    .isEmpty());
        const QByteArray pdf = signedBytes(QStringLiteral("shape-signed"), readAll(shaped));
        Result<InspectionReport> report = inspect(QStringLiteral("shape-check.pdf"), pdf);
        QVERIFY(report);
        QCOMPARE(report->revisions, 2);
        QCOMPARE(report->signatures.size(), 1);
        QCOMPARE(report->signatures.first().verdict, SignatureVerdict::Valid);
        QVERIFY(report->signatures.first().coversWholeDocument);
    }

    void noSignatures()
    {
        Result<InspectionReport> plain = inspect(QStringLiteral("none.pdf"), minimalPdf());
        QVERIFY(plain);
        QCOMPARE(plain->signatures.size(), 0);
        QCOMPARE(plain->revisions, 1);
        PdfFixtureOptions form;
        form.form = PdfFixtureOptions::Form::IndirectAcroForm;
        Result<InspectionReport> textFieldOnly = inspect(QStringLiteral("none-form.pdf"), minimalPdf(form));
        QVERIFY(textFieldOnly);
        QCOMPARE(textFieldOnly->signatures.size(), 0);
    }

    void inheritedFieldTypeAndKidsCycle()
    {
        // /FT /Sig sits on the parent; the child has the value. The child's /Kids points back at the parent.
        const QByteArray pdf = appendUpdate(minimalPdf(),
            {{1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [10 0 R] /SigFlags 3 >> >>"},
                {10, "<< /FT /Sig /T (Parent) /Kids [11 0 R] >>"},
                {11, "<< /T (Child) /Parent 10 0 R /V 12 0 R /Kids [10 0 R] >>"},
                {12,
                    "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 30]"
                    " /Contents <3000> /M (D:20240401183000+09'00') >>"}});
        Result<InspectionReport> report = inspect(QStringLiteral("inherited.pdf"), pdf);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().detail));
        QCOMPARE(report->signatures.size(), 1);
        const SignatureReport& signature = report->signatures.first();
        QCOMPARE(signature.fieldName, QStringLiteral("Parent.Child"));
        QCOMPARE(signature.claimedSigningTime, QDateTime(QDate(2024, 4, 1), QTime(9, 30), Qt::UTC));
        QCOMPARE(signature.verdict, SignatureVerdict::Invalid);
        QCOMPARE(signature.problem.code, ErrorCode::ByteRangeInvalid);
    }

    void tooManySignatures()
    {
        // Hashing once per signature: thousands of signature fields must not make the server hash for minutes.
        QList<QPair<int, QByteArray>> objects;
        QByteArray fields;
        for (int i = 0; i < 300; ++i) {
            fields += QByteArray::number(20 + i) + " 0 R ";
            objects.append({20 + i, "<< /FT /Sig /T (S" + QByteArray::number(i) + ") /V 10 0 R >>"});
        }
        objects.append({1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [" + fields + "] >> >>"});
        objects.append({10, "<< /Type /Sig /SubFilter /ETSI.CAdES.detached /ByteRange [0 1 2 3] /Contents <00> >>"});
        Result<InspectionReport> report = inspect(QStringLiteral("many.pdf"), appendUpdate(minimalPdf(), objects));
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::PdfUnsupported);
    }

    void unsupportedSubFilter()
    {
        QByteArray pdf = signedBytes(QStringLiteral("subfilter"), minimalPdf());
        pdf.replace("/SubFilter /ETSI.CAdES.detached", "/SubFilter /adbe.x509.rsa_sha1 ");
        Result<InspectionReport> report = inspect(QStringLiteral("subfilter-check.pdf"), pdf);
        QVERIFY(report);
        QCOMPARE(report->signatures.first().verdict, SignatureVerdict::Invalid);
        QCOMPARE(report->signatures.first().problem.code, ErrorCode::PdfUnsupported);
        QCOMPARE(report->signatures.first().subFilter, QStringLiteral("adbe.x509.rsa_sha1"));
    }

    void podofosignAndOurs()
    {
        const QString keyFile = path(QStringLiteral("podofo-key.pem"));
        const QString certFile = path(QStringLiteral("podofo-cert.pem"));
        QCOMPARE(runTool(QStringLiteral("openssl"),
                     {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyFile,
                         QStringLiteral("-out"), certFile, QStringLiteral("-subj"), QStringLiteral("/CN=PoDoFo Signer"),
                         QStringLiteral("-days"), QStringLiteral("30")})
                     .exitCode,
            0);
        const QString input = write(QStringLiteral("podofo-in.pdf"), minimalPdf());
        const QString podofo = path(QStringLiteral("podofo.pdf"));
        QCOMPARE(runTool(QStringLiteral("podofosign"),
                     {QStringLiteral("-in"), input, QStringLiteral("-out"), podofo, QStringLiteral("-cert"), certFile,
                         QStringLiteral("-pkey"), keyFile})
                     .exitCode,
            0);
        const QByteArray pdf = signedBytes(QStringLiteral("podofo-ours"), readAll(podofo));
        Result<InspectionReport> report = inspect(QStringLiteral("podofo-check.pdf"), pdf);
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 2);
        // podofosign's SignedData carries its SignerInfo twice. pdfsig (NSS) accepts it; ISO 32000 (§12.8.3.3)
        // and PAdES allow exactly one SignerInfo, and so do we: Invalid, saying why.
        const SignatureReport& theirs = report->signatures[0];
        QCOMPARE(theirs.subFilter, QStringLiteral("adbe.pkcs7.detached"));
        QCOMPARE(theirs.verdict, SignatureVerdict::Invalid);
        QCOMPARE(theirs.problem.code, ErrorCode::SignatureInvalid);
        QVERIFY2(theirs.problem.detail.contains(QLatin1String("signer infos")), qPrintable(theirs.problem.detail));
        QCOMPARE(theirs.laterRevisions, 1);
        const SignatureReport& ours = report->signatures[1];
        QCOMPARE(ours.verdict, SignatureVerdict::Valid);
        QVERIFY(ours.coversWholeDocument);
        // No false alarm: our update after podofosign's signature is a pure signature append.
        Result<std::unique_ptr<pdf::PdfReader>> reader = pdf::PdfReader::open(path(QStringLiteral("podofo-check.pdf")));
        QVERIFY(reader);
        Result<pdf::DifferenceReport> changes = pdf::DifferenceAnalysis::analyze(
            path(QStringLiteral("podofo-check.pdf")), **reader, theirs.signedRevisionEnd);
        QVERIFY(changes);
        QVERIFY(changes->beyond(pdf::ModificationLevel::FormFilling).empty());
        QCOMPARE(changes->revisions.back().signaturesAdded, 1);
    }

    void structuralErrors()
    {
        Result<InspectionReport> missing
            = SignatureInspector::inspectFile(path(QStringLiteral("missing.pdf")), {m_certificate});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::InputFileUnreadable);
        Result<InspectionReport> text = inspect(QStringLiteral("text.pdf"), QByteArray("not a pdf\n").repeated(20));
        QVERIFY(!text);
        QCOMPARE(text.error().code, ErrorCode::PdfNotPdf);
        const QByteArray pdf = signedBytes(QStringLiteral("cut"), minimalPdf());
        Result<InspectionReport> truncated = inspect(QStringLiteral("cut-check.pdf"), pdf.left(pdf.size() - 40));
        QVERIFY(!truncated);
        QCOMPARE(truncated.error().code, ErrorCode::PdfXrefBroken);
    }
};

QTEST_GUILESS_MAIN(TestSignatureInspector)
#include "tst_signatureinspector.moc"
