// Paints a seal by interpreting its own PDF content stream (the few operators SealAppearance writes) with QPainter
// and the embedded subset font, so that the on-screen preview is the drawing that goes into the document.
#include "pdf/SealAppearance.h"

#include <QColor>
#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QRawFont>
#include <QRectF>
#include <QTransform>

#include <algorithm>

namespace ikkatsu::pdf {

namespace {

// One token of a content stream: a number, a name, a hex string or an operator.
struct Token
{
    enum Kind { Number, Name, Hex, Operator } kind = Operator;
    QByteArray text;
    double number = 0;
};

QList<Token> tokenize(const QByteArray& stream)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = stream.size();
    while (i < n) {
        const char c = stream[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            ++i;
        } else if (c == '<') {
            const qsizetype end = stream.indexOf('>', i);
            if (end < 0)
                break;
            tokens.append({Token::Hex, QByteArray::fromHex(stream.mid(i + 1, end - i - 1)), 0});
            i = end + 1;
        } else if (c == '/') {
            qsizetype end = i + 1;
            while (end < n && QChar::isLetterOrNumber(uchar(stream[end])))
                ++end;
            tokens.append({Token::Name, stream.mid(i + 1, end - i - 1), 0});
            i = end;
        } else {
            qsizetype end = i;
            while (end < n && stream[end] != ' ' && stream[end] != '\n' && stream[end] != '<' && stream[end] != '/')
                ++end;
            const QByteArray word = stream.mid(i, end - i);
            bool isNumber = false;
            const double value = word.toDouble(&isNumber);
            tokens.append({isNumber ? Token::Number : Token::Operator, word, value});
            i = end;
        }
    }
    return tokens;
}

} // namespace

void SealAppearance::paint(QPainter& painter, const QRectF& target) const
{
    if (target.isEmpty() || m_drawing.isEmpty())
        return;
    // Glyph outlines come from the embedded subset, whose glyph k is CID k.
    constexpr double kPixelSize = 1000;
    const QRawFont font(m_fontSubset, kPixelSize);

    const double scale = std::min(target.width() / m_designWidth, target.height() / m_designHeight);
    QTransform toDevice;
    toDevice.translate(target.center().x(), target.center().y());
    toDevice.scale(scale, -scale); // PDF's y grows upwards
    toDevice.translate(-m_designWidth / 2, -m_designHeight / 2);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setTransform(toDevice, true);
    QColor stroke(Qt::black);
    QColor fill(Qt::black);
    double lineWidth = 1;
    Qt::PenJoinStyle join = Qt::MiterJoin;
    int renderMode = 0;
    QTransform textMatrix;
    QPainterPath path;
    QList<double> operands;
    auto pen = [&] { return QPen(stroke, lineWidth, Qt::SolidLine, Qt::FlatCap, join); };

    for (const Token& token : tokenize(m_drawing)) {
        if (token.kind == Token::Number) {
            operands.append(token.number);
            continue;
        }
        if (token.kind == Token::Name)
            continue; // /F1: the only font
        if (token.kind == Token::Hex) {
            // Tj's operand: two bytes per CID. Drawn when Tj comes, from the text matrix.
            double x = 0;
            QPainterPath glyphs;
            for (qsizetype k = 0; k + 1 < token.text.size(); k += 2) {
                const auto cid = quint32((uchar(token.text[k]) << 8) | uchar(token.text[k + 1]));
                QTransform place;
                place.scale(1 / kPixelSize, -1 / kPixelSize); // QRawFont's paths: pixels, y down
                place *= QTransform::fromTranslate(x, 0);
                place *= textMatrix;
                glyphs.addPath(place.map(font.pathForGlyph(cid)));
                if (cid >= 1 && cid <= m_advances.size())
                    x += m_advances[cid - 1];
            }
            glyphs.setFillRule(Qt::WindingFill);
            if (renderMode == 0 || renderMode == 2)
                painter.fillPath(glyphs, fill);
            if (renderMode == 1 || renderMode == 2)
                painter.strokePath(glyphs, pen());
            operands.clear();
            continue;
        }
        const QByteArray& op = token.text;
        auto arg = [&](qsizetype k) { return k < operands.size() ? operands[k] : 0.0; };
        if (op == "RG" || op == "rg") {
            const QColor color = QColor::fromRgbF(float(arg(0)), float(arg(1)), float(arg(2)));
            (op == "RG" ? stroke : fill) = color;
        } else if (op == "w") {
            lineWidth = arg(0);
        } else if (op == "j") {
            join = arg(0) == 1 ? Qt::RoundJoin : arg(0) == 2 ? Qt::BevelJoin : Qt::MiterJoin;
        } else if (op == "Tr") {
            renderMode = int(arg(0));
        } else if (op == "Tm") {
            textMatrix = QTransform(arg(0), arg(1), arg(2), arg(3), arg(4), arg(5));
        } else if (op == "BT") {
            textMatrix = QTransform();
        } else if (op == "m") {
            path.moveTo(arg(0), arg(1));
        } else if (op == "l") {
            path.lineTo(arg(0), arg(1));
        } else if (op == "c") {
            path.cubicTo(arg(0), arg(1), arg(2), arg(3), arg(4), arg(5));
        } else if (op == "h") {
            path.closeSubpath();
        } else if (op == "re") {
            path.addRect(QRectF(arg(0), arg(1), arg(2), arg(3)));
        } else if (op == "S") {
            painter.strokePath(path, pen());
            path = QPainterPath();
        } else if (op == "f") {
            painter.fillPath(path, fill);
            path = QPainterPath();
        }
        // Tf (size 1: the text matrix carries the size), ET, Tj: nothing more to do.
        operands.clear();
    }
    painter.restore();
}

} // namespace ikkatsu::pdf
