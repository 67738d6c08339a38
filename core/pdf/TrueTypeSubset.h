// A glyf-outline TrueType font read just far enough to map characters, measure them and cut a small subset to embed.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <memory>
#include <vector>

class QFile;

namespace ikkatsu::pdf {

class TrueTypeFont
{
public:
    // Maps the file (a 46 MB font costs no copy). PdfUnsupported for CFF, collections or damaged tables.
    static Result<std::unique_ptr<TrueTypeFont>> open(const QString& path);
    ~TrueTypeFont();
    TrueTypeFont(const TrueTypeFont&) = delete;
    TrueTypeFont& operator=(const TrueTypeFont&) = delete;

    // The glyph for a Unicode code point (any plane); 0 (.notdef) when the font has none.
    quint16 glyph(char32_t codePoint) const;
    int unitsPerEm() const { return m_unitsPerEm; }
    int ascender() const { return m_ascender; }
    int descender() const { return m_descender; } // negative
    int advance(quint16 glyph) const;
    // Font-wide bounding box, in font units: xMin, yMin, xMax, yMax.
    const std::array<int, 4>& boundingBox() const { return m_bbox; }
    QString postScriptName() const { return m_postScriptName; }

    // A font holding .notdef and then `glyphs` in this order (new glyph k + 1 is glyphs[k]); composite glyphs bring
    // their components after them. Only what a PDF reader needs: head, hhea, maxp, hmtx, loca, glyf and the hinting
    // tables.
    Result<QByteArray> subset(const std::vector<quint16>& glyphs) const;

private:
    TrueTypeFont() = default;
    Status parse();
    QByteArrayView table(const char* tag) const;
    QByteArrayView glyphData(quint16 glyph) const;

    std::unique_ptr<QFile> m_file;
    QByteArrayView m_data;
    std::vector<std::pair<quint32, QByteArrayView>> m_tables;
    int m_unitsPerEm = 1000;
    int m_ascender = 880;
    int m_descender = -120;
    int m_glyphCount = 0;
    int m_hMetrics = 0;
    bool m_longLoca = false;
    std::array<int, 4> m_bbox {};
    QString m_postScriptName;
    QByteArrayView m_cmap; // the chosen subtable
    int m_cmapFormat = 0;
};

} // namespace ikkatsu::pdf
