// libFuzzer harness: hostile bytes through the lean PDF reader (xref chain, objects, streams, catalog lookups).
#include "FuzzInput.h"

#include "pdf/PdfCatalog.h"
#include "pdf/PdfParser.h"
#include "pdf/PdfReader.h"
#include "pdf/PdfText.h"

#include <QByteArrayView>

#include <cstdint>

using namespace ikkatsu;
using namespace ikkatsu::pdf;

namespace {

// Enough work per input to reach the interesting paths, little enough to keep a few hundred runs per second.
constexpr int kMaxObjects = 400;
constexpr qint64 kMaxStream = 1 << 20;

void touch(const PdfObject& object, int depth = 0)
{
    if (depth > 8)
        return;
    switch (object.type()) {
    case PdfObject::Type::String:
        (void)decodeTextString(object.bytes());
        (void)parsePdfDate(object.bytes());
        break;
    case PdfObject::Type::Real:
        (void)object.toNumber();
        break;
    case PdfObject::Type::Array:
        for (const PdfObject& item : object.items())
            touch(item, depth + 1);
        break;
    case PdfObject::Type::Dictionary:
    case PdfObject::Type::Stream:
        for (const auto& entry : object.entries())
            touch(entry.second, depth + 1);
        break;
    default:
        break;
    }
}

// The tokenizer on its own, over the raw bytes: reaches syntax the xref chain never points at.
void parseRaw(const uint8_t* data, size_t size)
{
    PdfParser parser(QByteArrayView(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)), 0, true);
    for (int i = 0; i < 200; ++i) {
        PdfRef ref;
        if (parser.parseObjectHeader(&ref)) {
            auto value = parser.parseObject();
            if (!value)
                return;
            if (value->isDictionary() && parser.acceptKeyword("stream"))
                (void)parser.streamDataStart();
            else
                (void)parser.acceptKeyword("endobj");
            continue;
        }
        const qint64 before = parser.position();
        auto value = parser.parseObject();
        if (!value || parser.position() == before)
            return;
        if (value->type() != PdfObject::Type::Stream)
            (void)value->serialize();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    parseRaw(data, size);

    auto opened = PdfReader::open(fuzz::inputFile(data, size));
    if (!opened)
        return 0;
    PdfReader& reader = **opened;
    (void)reader.revisionCount();
    (void)reader.isRevisionEnd(reader.fileSize());
    (void)reader.revisionsStartingAtOrAfter(reader.fileSize() / 2);
    touch(reader.trailer());

    auto catalog = reader.object(reader.rootRef());
    if (catalog && catalog->isDictionary()) {
        touch(*catalog);
        (void)findFirstPage(reader, *catalog);
        auto fields = findSignatureFields(reader, *catalog);
        if (fields) {
            for (const SignatureField& field : *fields) {
                touch(field.value);
                (void)reader.resolve(field.value.get("Contents"));
                (void)reader.resolve(field.value.get("ByteRange"));
            }
        }
        (void)docMdpPermission(reader, *catalog);
    }
    (void)reader.resolve(reader.trailer().get("Info"));

    // Every object the newest sections define, until the budget is spent.
    int visited = 0;
    for (const XrefSection& section : reader.sections()) {
        for (const XrefSubsection& subsection : section.subsections) {
            for (size_t i = 0; i < subsection.entries.size(); ++i) {
                if (++visited > kMaxObjects)
                    return 0;
                const XrefEntry& entry = subsection.entries[i];
                if (entry.type == XrefEntryType::Free)
                    continue;
                const PdfRef ref {subsection.first + static_cast<quint32>(i),
                    static_cast<quint16>(entry.type == XrefEntryType::InFile ? entry.generationOrIndex : 0)};
                (void)reader.lookup(ref.number);
                auto object = reader.object(ref);
                if (!object)
                    continue;
                touch(*object);
                if (object->isStream()) {
                    (void)reader.rawStreamData(*object, kMaxStream);
                    (void)reader.decodedStreamData(*object, kMaxStream);
                } else {
                    (void)object->serialize();
                }
            }
        }
    }
    return 0;
}
