// The 印影: a visible signature's appearance (丸印, 日付印, 角印, text box) as a PDF Form XObject with a font subset.
#pragma once

#include "common/Result.h"
#include "pdf/IncrementalUpdate.h"

#include <QDateTime>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <vector>

class QPainter;
class QRectF;

namespace ikkatsu::pdf {

class PdfSecurity;

enum class SealStyle : quint8 {
    Round, // 丸印: the family name written vertically in a ring
    Date, // 日付印: company / date / name in three bands of a ring
    Square, // 角印: the company name in a square, vertical columns from the right
    Text, // a plain box: name, date and time, reason
};

// "round", "date", "square", "text"; false for anything else.
bool parseSealStyle(const QString& text, SealStyle* style);

struct SealSpec
{
    SealStyle style = SealStyle::Round;
    QString name; // round: 1–4 characters; date, text: the signer's name
    QString company; // date, square
    QString reason; // text: optional third line
    QDateTime signingTime; // shown as the date in Japan time
};

// Built once per batch (the font is cut here) and then written into any number of documents from any thread.
class SealAppearance
{
public:
    static constexpr int kMaxRoundCharacters = 4;
    static constexpr int kMaxTextCharacters = 24;
    static constexpr int kMaxSquareCharacters = 16;

    // The fonts tried in turn: the first one that has every character of the seal is used. IPAex Mincho (small)
    // first, IPAmj Mincho (58,000 glyphs: 𠮷 and other names beyond JIS X 0208) when IPAex lacks a character;
    // Debian's system copies, then the copies in a `fonts` folder beside the executable (the Windows installer's).
    static QStringList defaultFontPaths();

    // The texts' rules without a font: SealTextInvalid for empty, too long or control-character text.
    static Status validate(const SealSpec& spec);
    // SealTextInvalid as validate(); SealFontMissing when no font has every glyph.
    static Result<std::shared_ptr<const SealAppearance>> build(
        const SealSpec& spec, const QStringList& fontPaths = defaultFontPaths());

    SealStyle style() const { return m_style; }
    // The rectangle a seal gets when none is given, in points.
    QSizeF defaultSize() const;
    // Adds the Form XObject sized `width` × `height` points (drawing centred, aspect kept) and its font objects to
    // `update`; returns the XObject, for the widget's /AP /N. In an encrypted document (`security`) strings and
    // streams are encrypted with each object's own key, as the rest of the update is.
    Result<PdfRef> write(
        IncrementalUpdate& update, double width, double height, const PdfSecurity* security = nullptr) const;
    // Draws the same content stream as write() puts into the PDF, with the same subset font, centred in `target`
    // with its aspect kept (the 本人情報 preview). Needs a QGuiApplication (the font goes through QRawFont).
    void paint(QPainter& painter, const QRectF& target) const;
    // The design box the drawing uses, in points before fitting (100 × 100; the text box 300 × 100).
    QSizeF designSize() const { return {m_designWidth, m_designHeight}; }
    // The font file the seal was drawn with (for the architecture notes and tests).
    QString fontPath() const { return m_fontPath; }

private:
    SealAppearance() = default;

    SealStyle m_style = SealStyle::Round;
    QString m_fontPath;
    double m_designWidth = 100;
    double m_designHeight = 100;
    QByteArray m_body; // the drawing in the design box, Flate-compressed
    QByteArray m_drawing; // the same, uncompressed, for paint()
    QByteArray m_fontSubset; // the subset uncompressed, for paint()
    std::vector<double> m_advances; // per CID - 1, in ems
    QByteArray m_fontFile; // Flate-compressed subset
    qsizetype m_fontLength = 0; // its size before compression (/Length1)
    QByteArray m_toUnicode; // Flate-compressed CMap
    QByteArray m_widths; // the CIDFont's /W array syntax
    QByteArray m_baseFont; // "ABCDEF+IPAexMincho"
    std::array<int, 4> m_fontBBox {};
    int m_ascent = 880;
    int m_descent = -120;
};

} // namespace ikkatsu::pdf
