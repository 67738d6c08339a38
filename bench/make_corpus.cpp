// Writes realistic sample PDFs (Japanese text, optional image payload) for the demo and the benchmarks.
#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>

#include <cstdio>

namespace {

const char* const kTitles[] = {
    "建築確認申請書",
    "工事請負契約書",
    "設計図書一式",
    "中間検査申請書",
    "完了検査申請書",
    "委任状",
};

// Noise does not compress, so its size in the PDF is close to width × height × 3 bytes.
QImage noiseImage(int width, int height, quint32 seed)
{
    QImage image(width, height, QImage::Format_RGB888);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y)
        random.fillRange(reinterpret_cast<quint32*>(image.scanLine(y)), image.bytesPerLine() / 4);
    return image;
}

bool writeDocument(const QString& path, int index, int pages, qint64 payloadBytes)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setTitle(QString::fromUtf8(kTitles[index % 6]) + QStringLiteral(" %1").arg(index + 1));
    writer.setCreator(QStringLiteral("Ikkatsu sample corpus"));
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    const qint64 perPage = pages > 0 ? payloadBytes / pages : 0;
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        QFont font(QStringLiteral("Noto Sans CJK JP"));
        font.setPointSize(20);
        painter.setFont(font);
        painter.drawText(QRect(100, 100, 1000, 100), Qt::AlignLeft,
            QString::fromUtf8(kTitles[index % 6]) + QStringLiteral("  No. %1").arg(index + 1));
        font.setPointSize(11);
        painter.setFont(font);
        painter.drawText(QRect(100, 250, 1000, 600), Qt::AlignLeft | Qt::TextWordWrap,
            QString::fromUtf8("申請者: 山田 太郎\n会社名: 株式会社サンプル建設\n"
                              "本書は一括電子署名システムの動作確認用のサンプル文書です。\n")
                + QStringLiteral("Page %1 / %2").arg(page + 1).arg(pages));
        if (perPage > 0) {
            const int side = std::max(8, static_cast<int>(std::sqrt(static_cast<double>(perPage) / 3.0)));
            painter.drawImage(
                QRect(100, 700, 900, 900), noiseImage(side, side, static_cast<quint32>(index * 1000 + page)));
        }
    }
    return painter.end();
}

} // namespace

int main(int argc, char** argv)
{
    qputenv(
        "QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes sample PDFs: make_corpus --out DIR --count N [--pages P] "
                                                    "[--payload-kb K] [--prefix NAME]"));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output directory."), QStringLiteral("DIR"));
    const QCommandLineOption count(
        QStringLiteral("count"), QStringLiteral("Number of files."), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption pages(
        QStringLiteral("pages"), QStringLiteral("Pages per file."), QStringLiteral("P"), QStringLiteral("2"));
    const QCommandLineOption payload(QStringLiteral("payload-kb"), QStringLiteral("Image payload per file in KiB."),
        QStringLiteral("K"), QStringLiteral("0"));
    const QCommandLineOption prefix(QStringLiteral("prefix"), QStringLiteral("File name prefix."),
        QStringLiteral("NAME"), QStringLiteral("sample"));
    parser.addOptions({out, count, pages, payload, prefix});
    parser.process(app);
    if (!parser.isSet(out) || !QDir().mkpath(parser.value(out))) {
        std::fprintf(stderr, "make_corpus: --out DIR is required and must be writable\n");
        return 2;
    }
    const int n = parser.value(count).toInt();
    for (int i = 0; i < n; ++i) {
        const QString path
            = QDir(parser.value(out))
                  .filePath(parser.value(prefix) + QStringLiteral("-%1.pdf").arg(i + 1, 4, 10, QLatin1Char('0')));
        if (!writeDocument(
                path, i, std::max(1, parser.value(pages).toInt()), parser.value(payload).toLongLong() * 1024)) {
            std::fprintf(stderr, "make_corpus: cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    return 0;
}
