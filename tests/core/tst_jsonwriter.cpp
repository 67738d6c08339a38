// JsonWriter: what it writes reads back through QJsonDocument exactly (strings, numbers, times, nesting, FileEntry).
#include "api/Dto.h"
#include "api/FileDto.h"
#include "api/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace ikkatsu;
using namespace ikkatsu::api;

namespace {

// The one string written as the value of {"s": ...}, read back by Qt's parser.
QJsonValue roundTrip(const QString& text, QByteArray* bytes = nullptr)
{
    JsonWriter out;
    out.beginObject().key("s").value(text).endObject();
    const QByteArray written = out.take();
    if (bytes)
        *bytes = written;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(written, &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue(QJsonValue::Undefined);
    return document.object().value(QStringLiteral("s"));
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void everyControlCharacterAndEscapeReadsBack()
    {
        QString all;
        for (char16_t c = 0; c < 0x80; ++c)
            all.append(QChar(c));
        QByteArray bytes;
        QCOMPARE(roundTrip(all, &bytes).toString(), all);
        // Raw control characters are never written (JSON forbids them inside strings).
        for (const char c : bytes)
            QVERIFY2(uchar(c) >= 0x20, bytes.constData());
        QVERIFY(bytes.contains(R"(!\"#)"));
        QVERIFY(bytes.contains(R"([\\])"));
        QVERIFY(bytes.contains(R"(\u001f)"));
    }

    void japaneseAndAstralCharactersAreUtf8()
    {
        const QString text = QStringLiteral("確認申請書_１.pdf 😀 𠮷野家");
        QByteArray bytes;
        QCOMPARE(roundTrip(text, &bytes).toString(), text);
        QVERIFY(bytes.contains(text.toUtf8()));
    }

    void loneSurrogatesBecomeReplacementCharacters()
    {
        const QString text = QString(QChar(0xD800)) + QLatin1Char('a') + QChar(0xDC00) + QChar(0xD83D);
        QByteArray bytes;
        const QJsonValue back = roundTrip(text, &bytes);
        QVERIFY2(back.isString(), bytes.constData());
        QCOMPARE(back.toString(), QStringLiteral("\uFFFDa\uFFFD\uFFFD"));
    }

    void randomStringsReadBack()
    {
        QRandomGenerator random(20261205);
        for (int round = 0; round < 2000; ++round) {
            QString text;
            const int length = int(random.bounded(40));
            for (int i = 0; i < length; ++i) {
                const quint32 pick = random.bounded(10);
                if (pick < 4) {
                    text.append(QChar(char16_t(random.bounded(0x80))));
                } else if (pick < 8) {
                    char16_t unit = char16_t(0x80 + random.bounded(0xD800 - 0x80));
                    text.append(QChar(unit));
                } else {
                    const char32_t code = 0x10000 + random.bounded(0x100000);
                    text.append(QString::fromUcs4(&code, 1));
                }
            }
            QCOMPARE(roundTrip(text).toString(), text);
        }
    }

    void numbersAndLiterals()
    {
        JsonWriter out;
        out.beginArray().value(qint64(0)).value(-1).value(std::numeric_limits<qint64>::max() / 1024);
        out.value(true).value(false).null().beginObject().endObject().beginArray().endArray().endArray();
        const QByteArray bytes = out.take();
        QCOMPARE(bytes, QByteArray("[0,-1,9007199254740991,true,false,null,{},[]]"));
        QVERIFY(out.take().isEmpty());
    }

    void timesAreWhatToJsonTimeWrites()
    {
        QRandomGenerator random(7);
        QList<qint64> seconds {0, -1, 86399, 86400, 951782400 /* 2000-02-29 */, 4102444800 /* 2100-01-01 */,
            -2208988800 /* 1900-01-01 */, 253402300799 /* 9999-12-31T23:59:59 */};
        for (int i = 0; i < 5000; ++i)
            seconds.append(qint64(random.bounded(std::numeric_limits<quint32>::max())) * 60 - 62135596800LL);
        for (const qint64 s : std::as_const(seconds)) {
            const QDateTime time = QDateTime::fromSecsSinceEpoch(s, QTimeZone::utc());
            JsonWriter out;
            out.beginArray().time(time).endArray();
            const QByteArray bytes = out.take();
            QCOMPARE(QJsonDocument::fromJson(bytes).array().at(0).toString(), toJsonTime(time));
        }
        // Another zone is written in UTC; an invalid time is "" as toJsonTime writes it.
        const QDateTime tokyo(QDate(2026, 12, 5), QTime(9, 30, 15), QTimeZone("Asia/Tokyo"));
        JsonWriter out;
        out.beginArray().time(tokyo).time(QDateTime()).endArray();
        QCOMPARE(out.take(), QByteArray(R"(["2026-12-05T00:30:15Z",""])"));
    }

    void fileEntryReadsBackWhole()
    {
        FileEntry entry;
        entry.fileId = QStringLiteral("f123");
        entry.folderId = QStringLiteral("d1");
        entry.folderName = QStringLiteral("案件\"フォルダ\\");
        entry.name = QStringLiteral("確認申請書\n1.pdf");
        entry.registeredAt = QDateTime::fromSecsSinceEpoch(1789393642, QTimeZone::utc());
        entry.registeredBy = QStringLiteral("admin");
        entry.registeredByName = QStringLiteral("管理者");
        entry.version = 3;
        entry.size = qint64(5) << 32;
        entry.sha256 = QStringLiteral("ab").repeated(32);
        entry.signatureCount = 2;
        entry.status = SignatureStatus::Signing;
        entry.requiredSigners = 3;
        entry.signedCount = 1;
        entry.signOrdered = true;
        entry.myPermission = Permission::Sign;
        entry.myStatus = MyStatus::Processed;
        entry.myTurn = true;
        SignerState first;
        first.userId = QStringLiteral("u1");
        first.userName = QStringLiteral("山田");
        first.position = 1;
        first.hasSigned = true;
        first.signedAt = QDateTime::fromSecsSinceEpoch(1789400000, QTimeZone::utc());
        SignerState second;
        second.userId = QStringLiteral("u2");
        second.position = 2;
        entry.signers = {first, second};
        entry.viewers = {QStringLiteral("v1"), QStringLiteral("v2")};

        JsonWriter out;
        entry.writeJson(out);
        const QByteArray bytes = out.take();
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(bytes, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(object.value(QStringLiteral("signers")).toArray().at(1).toObject().value(QStringLiteral("signedAt")),
            QJsonValue(QJsonValue::Null));
        auto back = FileEntry::fromJson(object);
        QVERIFY(back.ok());
        QCOMPARE(back->fileId, entry.fileId);
        QCOMPARE(back->folderName, entry.folderName);
        QCOMPARE(back->name, entry.name);
        QCOMPARE(back->registeredAt, entry.registeredAt);
        QCOMPARE(back->registeredByName, entry.registeredByName);
        QCOMPARE(back->version, entry.version);
        QCOMPARE(back->size, entry.size);
        QCOMPARE(back->sha256, entry.sha256);
        QCOMPARE(back->status, entry.status);
        QCOMPARE(back->signOrdered, entry.signOrdered);
        QCOMPARE(back->myPermission, entry.myPermission);
        QCOMPARE(back->myStatus, entry.myStatus);
        QCOMPARE(back->myTurn, entry.myTurn);
        QCOMPARE(back->signers.size(), 2);
        QCOMPARE(back->signers.at(0).signedAt, first.signedAt);
        QCOMPARE(back->signers.at(0).userName, first.userName);
        QVERIFY(!back->signers.at(1).hasSigned);
        QCOMPARE(back->viewers, entry.viewers);
        // toJson() is the same object.
        QCOMPARE(entry.toJson(), object);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
