// FlateDecode (zlib) with output limits and PNG/TIFF predictors (ISO 32000-2 §7.4.4).
#include "pdf/PdfFilters.h"

#include <zlib.h>

#include <cstdlib>

namespace ikkatsu::pdf {

namespace {

Error malformed(const QString& what)
{
    return makeError(ErrorCode::PdfMalformed, what);
}

int paeth(int a, int b, int c)
{
    const int p = a + b - c;
    const int pa = std::abs(p - a);
    const int pb = std::abs(p - b);
    const int pc = std::abs(p - c);
    if (pa <= pb && pa <= pc)
        return a;
    return pb <= pc ? b : c;
}

} // namespace

Result<QByteArray> inflateLimited(const QByteArray& compressed, qint64 maxOutput)
{
    z_stream stream {};
    if (inflateInit(&stream) != Z_OK)
        return makeError(ErrorCode::Unexpected, QStringLiteral("inflateInit failed"));
    struct Cleanup
    {
        z_stream* s;
        ~Cleanup() { inflateEnd(s); }
    } cleanup {&stream};

    QByteArray out;
    // Start near the likely size and grow geometrically: linear overall, capped by maxOutput.
    qint64 capacity = qMin<qint64>(maxOutput, qMax<qint64>(4096, qint64(compressed.size()) * 4));
    out.resize(capacity);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.constData()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    qint64 produced = 0;
    for (;;) {
        if (produced == capacity) {
            if (capacity >= maxOutput)
                return malformed(QStringLiteral("decompressed stream exceeds %1 bytes").arg(maxOutput));
            capacity = qMin<qint64>(maxOutput, capacity * 2);
            out.resize(capacity);
        }
        stream.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
        stream.avail_out = static_cast<uInt>(qMin<qint64>(capacity - produced, 1 << 30));
        const uInt before = stream.avail_out;
        const int rc = inflate(&stream, Z_NO_FLUSH);
        produced += before - stream.avail_out;
        if (rc == Z_STREAM_END)
            break;
        if (rc == Z_BUF_ERROR && stream.avail_in == 0) {
            // Input ended without the zlib trailer: many writers do this; keep what was decoded.
            break;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return malformed(QStringLiteral("corrupt compressed stream (zlib %1)").arg(rc));
        if (rc == Z_BUF_ERROR && stream.avail_out != 0)
            return malformed(QStringLiteral("compressed stream makes no progress"));
    }
    out.resize(produced);
    return out;
}

Result<QByteArray> undoPredictor(const QByteArray& data, const PdfObject& decodeParms)
{
    if (!decodeParms.isDictionary())
        return data;
    const qint64 predictor = decodeParms.get("Predictor").toInteger(1);
    if (predictor <= 1)
        return data;
    const qint64 colors = decodeParms.get("Colors").toInteger(1);
    const qint64 bitsPerComponent = decodeParms.get("BitsPerComponent").toInteger(8);
    const qint64 columns = decodeParms.get("Columns").toInteger(1);
    if (colors < 1 || colors > 32 || columns < 1 || columns > (1 << 24)
        || (bitsPerComponent != 1 && bitsPerComponent != 2 && bitsPerComponent != 4 && bitsPerComponent != 8
            && bitsPerComponent != 16))
        return malformed(QStringLiteral("invalid predictor parameters"));
    const qint64 rowBytes = (columns * colors * bitsPerComponent + 7) / 8;
    const qint64 pixelBytes = qMax<qint64>(1, colors * bitsPerComponent / 8);

    if (predictor == 2) {
        if (bitsPerComponent != 8)
            return makeError(ErrorCode::PdfUnsupported,
                QStringLiteral("TIFF predictor with %1 bits per component").arg(bitsPerComponent));
        QByteArray out = data;
        auto* bytes = reinterpret_cast<unsigned char*>(out.data());
        for (qint64 row = 0; row + rowBytes <= out.size(); row += rowBytes) {
            for (qint64 i = pixelBytes; i < rowBytes; ++i)
                bytes[row + i] = static_cast<unsigned char>(bytes[row + i] + bytes[row + i - pixelBytes]);
        }
        return out;
    }
    if (predictor < 10 || predictor > 15)
        return makeError(ErrorCode::PdfUnsupported, QStringLiteral("predictor %1").arg(predictor));

    // PNG: every row starts with its own filter-type byte.
    const qint64 stride = rowBytes + 1;
    const qint64 rows = data.size() / stride;
    // Columns alone may promise a row of up to 1 GiB; allocate the previous-row buffer only once the data holds
    // a whole row, so it is never larger than the (already bounded) inflated stream.
    if (rows == 0)
        return QByteArray();
    QByteArray out(rows * rowBytes, '\0');
    QByteArray previous(rowBytes, '\0');
    const auto* in = reinterpret_cast<const unsigned char*>(data.constData());
    auto* dst = reinterpret_cast<unsigned char*>(out.data());
    auto* prior = reinterpret_cast<unsigned char*>(previous.data());
    for (qint64 row = 0; row < rows; ++row) {
        const unsigned char type = in[row * stride];
        const unsigned char* src = in + row * stride + 1;
        unsigned char* cur = dst + row * rowBytes;
        for (qint64 i = 0; i < rowBytes; ++i) {
            const int left = i >= pixelBytes ? cur[i - pixelBytes] : 0;
            const int up = prior[i];
            const int upLeft = i >= pixelBytes ? prior[i - pixelBytes] : 0;
            int value = src[i];
            switch (type) {
            case 0:
                break;
            case 1:
                value += left;
                break;
            case 2:
                value += up;
                break;
            case 3:
                value += (left + up) / 2;
                break;
            case 4:
                value += paeth(left, up, upLeft);
                break;
            default:
                return malformed(QStringLiteral("invalid PNG predictor row type %1").arg(type));
            }
            cur[i] = static_cast<unsigned char>(value);
        }
        std::copy(cur, cur + rowBytes, prior);
    }
    return out;
}

Result<QByteArray> decodeStream(const PdfObject& streamDictionary, const QByteArray& raw, qint64 maxOutput)
{
    const PdfObject& filter = streamDictionary.get("Filter");
    const PdfObject& parms = streamDictionary.get("DecodeParms");
    std::vector<PdfObject> filters;
    std::vector<PdfObject> parmsList;
    if (filter.isName()) {
        filters.push_back(filter);
        parmsList.push_back(parms);
    } else if (filter.isArray()) {
        filters = filter.items();
        if (parms.isArray())
            parmsList = parms.items();
    } else if (!filter.isNull()) {
        return malformed(QStringLiteral("invalid /Filter"));
    }
    if (filters.size() > 4)
        return makeError(ErrorCode::PdfUnsupported, QStringLiteral("too many stream filters"));

    QByteArray data = raw;
    for (size_t i = 0; i < filters.size(); ++i) {
        // A leading /Crypt filter (ISO 32000-2 §7.4.10) was applied by the reader's decryption already.
        if (i == 0 && filters[i].isName("Crypt"))
            continue;
        if (!filters[i].isName("FlateDecode") && !filters[i].isName("Fl"))
            return makeError(ErrorCode::PdfUnsupported,
                QStringLiteral("stream filter %1").arg(QString::fromLatin1(filters[i].bytes())));
        Result<QByteArray> inflated = inflateLimited(data, maxOutput);
        if (!inflated)
            return inflated.error();
        const PdfObject noParms;
        Result<QByteArray> unpredicted = undoPredictor(*inflated, i < parmsList.size() ? parmsList[i] : noParms);
        if (!unpredicted)
            return unpredicted.error();
        data = std::move(unpredicted).value();
    }
    if (data.size() > maxOutput)
        return malformed(QStringLiteral("stream exceeds %1 bytes").arg(maxOutput));
    return data;
}

} // namespace ikkatsu::pdf
