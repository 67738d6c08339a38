// Reads and extends the Document Security Store that keeps a signature verifiable without the network.
#include "pdf/DocumentSecurityStore.h"

#include "pdf/PdfReader.h"
#include "pdf/PdfSecurity.h"

namespace ikkatsu::pdf {

namespace {

struct Arrays
{
    PdfObject dss = PdfObject::dictionary();
    PdfObject certs = PdfObject::array();
    PdfObject ocsps = PdfObject::array();
    PdfObject crls = PdfObject::array();
    QList<QByteArray> certData;
    QList<QByteArray> ocspData;
    QList<QByteArray> crlData;
};

Status readArray(PdfReader& reader, const PdfObject& dss, const char* key, PdfObject* items, QList<QByteArray>* data)
{
    Result<PdfObject> array = reader.resolve(dss.get(key));
    IKK_TRY(array);
    if (array->isNull())
        return {};
    if (!array->isArray() || array->items().size() > size_t(kMaxDssItems))
        return makeError(
            ErrorCode::PdfMalformed, QStringLiteral("/DSS /%1 is not an array of streams").arg(QLatin1String(key)));
    for (const PdfObject& item : array->items()) {
        if (!item.isReference())
            return makeError(
                ErrorCode::PdfMalformed, QStringLiteral("/DSS /%1 holds a direct object").arg(QLatin1String(key)));
        Result<PdfObject> stream = reader.object(item.toReference());
        IKK_TRY(stream);
        if (!stream->isStream())
            return makeError(
                ErrorCode::PdfMalformed, QStringLiteral("/DSS /%1 holds a non-stream").arg(QLatin1String(key)));
        Result<QByteArray> bytes = reader.decodedStreamData(*stream, kMaxDssItemSize);
        IKK_TRY(bytes);
        items->items().push_back(item);
        data->append(std::move(bytes).value());
    }
    return {};
}

Result<Arrays> readArrays(PdfReader& reader, PdfObject* catalogOut)
{
    Arrays arrays;
    Result<PdfObject> catalog = reader.object(reader.rootRef());
    IKK_TRY(catalog);
    if (!catalog->isDictionary() || catalog->isStream())
        return makeError(ErrorCode::PdfMalformed, QStringLiteral("the document catalog is not a dictionary"));
    Result<PdfObject> dss = reader.resolve(catalog->get("DSS"));
    IKK_TRY(dss);
    if (!dss->isNull()) {
        if (!dss->isDictionary() || dss->isStream())
            return makeError(ErrorCode::PdfMalformed, QStringLiteral("/DSS is not a dictionary"));
        arrays.dss = *dss;
        IKK_TRY(readArray(reader, *dss, "Certs", &arrays.certs, &arrays.certData));
        IKK_TRY(readArray(reader, *dss, "OCSPs", &arrays.ocsps, &arrays.ocspData));
        IKK_TRY(readArray(reader, *dss, "CRLs", &arrays.crls, &arrays.crlData));
    }
    if (catalogOut)
        *catalogOut = std::move(catalog).value();
    return arrays;
}

} // namespace

Result<ValidationData> readDocumentSecurityStore(PdfReader& reader)
{
    Result<Arrays> arrays = readArrays(reader, nullptr);
    IKK_TRY(arrays);
    ValidationData data;
    for (const QByteArray& der : arrays->certData) {
        Result<Certificate> certificate = Certificate::fromDer(der);
        if (certificate) // a damaged certificate validates nothing; the others still count
            data.certificates.append(std::move(certificate).value());
    }
    data.ocspResponses = arrays->ocspData;
    data.crls = arrays->crlData;
    return data;
}

Result<IncrementalUpdate> planDocumentSecurityStore(PdfReader& reader, const ValidationData& data)
{
    PdfObject catalog;
    Result<Arrays> read = readArrays(reader, &catalog);
    IKK_TRY(read);
    Arrays& arrays = *read;
    IncrementalUpdate update(reader.nextFreeObjectNumber());
    const PdfSecurity* security = reader.security();
    bool added = false;
    auto add = [&](const QByteArray& bytes, PdfObject* items, QList<QByteArray>* known) -> Status {
        if (known->contains(bytes))
            return {};
        if (items->items().size() >= size_t(kMaxDssItems))
            return makeError(ErrorCode::PdfUnsupported, QStringLiteral("the /DSS is full"));
        const PdfRef ref = update.allocate();
        IKK_TRY(update.putStream(ref, PdfObject::dictionary(), bytes, security));
        items->items().push_back(PdfObject::reference(ref));
        known->append(bytes);
        added = true;
        return {};
    };
    for (const Certificate& certificate : data.certificates)
        IKK_TRY(add(certificate.toDer(), &arrays.certs, &arrays.certData));
    for (const QByteArray& response : data.ocspResponses)
        IKK_TRY(add(response, &arrays.ocsps, &arrays.ocspData));
    for (const QByteArray& crl : data.crls)
        IKK_TRY(add(crl, &arrays.crls, &arrays.crlData));
    if (!added)
        return update;

    // A fresh /DSS dictionary object (the old one, direct or indirect, stays as it was in its revision).
    PdfObject dss = arrays.dss;
    dss.set("Certs", arrays.certs);
    dss.set("OCSPs", arrays.ocsps);
    dss.set("CRLs", arrays.crls);
    const PdfRef dssRef = update.allocate();
    IKK_TRY(update.putEncrypted(dssRef, std::move(dss), security));
    catalog.set("DSS", PdfObject::reference(dssRef));
    IKK_TRY(update.putEncrypted(reader.rootRef(), std::move(catalog), security));
    return update;
}

} // namespace ikkatsu::pdf
