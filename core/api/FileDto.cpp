// JSON and URL-query forms of the file contract; decoding is strict on both sides of the wire.
#include "api/FileDto.h"

#include "api/Dto.h"
#include "api/QueryFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace ikkatsu::api {

namespace {

Error protocolError(const QString& what)
{
    return makeError(ErrorCode::ProtocolMismatch, what);
}

QJsonArray stringArray(const QStringList& list)
{
    QJsonArray array;
    for (const QString& text : list)
        array.append(text);
    return array;
}

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list.append(item.toString());
    return list;
}

struct Named
{
    const char* name;
    int value;
};

template<typename T, size_t N>
QString nameOf(const Named (&table)[N], T value)
{
    for (const Named& entry : table) {
        if (entry.value == static_cast<int>(value))
            return QString::fromLatin1(entry.name);
    }
    return {};
}

template<typename T, size_t N>
bool valueOf(const Named (&table)[N], const QString& text, T* value)
{
    for (const Named& entry : table) {
        if (text == QLatin1String(entry.name)) {
            *value = static_cast<T>(entry.value);
            return true;
        }
    }
    return false;
}

const Named kStatusNames[] = {{"unsigned", int(SignatureStatus::Unsigned)}, {"signing", int(SignatureStatus::Signing)},
    {"signed", int(SignatureStatus::Signed)}};
const Named kMyStatusNames[] = {{"unprocessed", int(MyStatus::Unprocessed)}, {"processed", int(MyStatus::Processed)}};
const Named kTargetNames[] = {{"all", int(FileListFilter::Target::All)}, {"view", int(FileListFilter::Target::View)},
    {"sign", int(FileListFilter::Target::Sign)}};
const Named kSortNames[] = {{"name", int(FileListFilter::Sort::Name)}, {"folder", int(FileListFilter::Sort::Folder)},
    {"registeredAt", int(FileListFilter::Sort::RegisteredAt)}, {"status", int(FileListFilter::Sort::Status)},
    {"myStatus", int(FileListFilter::Sort::MyStatus)}};
const Named kActionNames[] = {{"register", int(ProcessingResult::Action::Register)},
    {"view", int(ProcessingResult::Action::View)}, {"sign", int(ProcessingResult::Action::Sign)}};

} // namespace

QString signatureStatusName(SignatureStatus status)
{
    return nameOf(kStatusNames, status);
}

bool parseSignatureStatus(const QString& text, SignatureStatus* status)
{
    return valueOf(kStatusNames, text, status);
}

QString permissionName(Permission permission)
{
    return permission == Permission::Sign ? QStringLiteral("sign") : QStringLiteral("view");
}

QString myStatusName(MyStatus status)
{
    return nameOf(kMyStatusNames, status);
}

bool parseMyStatus(const QString& text, MyStatus* status)
{
    return valueOf(kMyStatusNames, text, status);
}

QString resultActionName(ProcessingResult::Action action)
{
    return nameOf(kActionNames, action);
}

bool parseResultAction(const QString& text, ProcessingResult::Action* action)
{
    return valueOf(kActionNames, text, action);
}

QTimeZone japanTimeZone()
{
    return QTimeZone(9 * 3600); // Japan keeps no daylight saving time: a fixed offset needs no time-zone database
}

QDateTime japanDayStart(const QDate& date)
{
    return QDateTime(date, QTime(0, 0), japanTimeZone());
}

QDate japanToday(const QDateTime& now)
{
    return now.toTimeZone(japanTimeZone()).date();
}

QByteArray versionTag(int version)
{
    return '"' + QByteArray::number(version) + '"';
}

int parseVersionTag(const QByteArray& tag)
{
    QByteArray text = tag.trimmed();
    if (text.startsWith("W/"))
        return -1; // a weak tag does not name exact bytes
    if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"'))
        text = text.mid(1, text.size() - 2);
    bool ok = false;
    const int version = text.toInt(&ok);
    return ok && version > 0 && text == QByteArray::number(version) ? version : -1;
}

QJsonObject FolderInfo::toJson() const
{
    return {{QStringLiteral("folderId"), folderId}, {QStringLiteral("name"), name},
        {QStringLiteral("createdAt"), toJsonTime(createdAt)}, {QStringLiteral("createdBy"), createdBy},
        {QStringLiteral("fileCount"), fileCount}};
}

Result<FolderInfo> FolderInfo::fromJson(const QJsonObject& object)
{
    FolderInfo info;
    info.folderId = object.value(QStringLiteral("folderId")).toString();
    info.name = object.value(QStringLiteral("name")).toString();
    info.createdAt = fromJsonTime(object.value(QStringLiteral("createdAt")).toString());
    info.createdBy = object.value(QStringLiteral("createdBy")).toString();
    info.fileCount = object.value(QStringLiteral("fileCount")).toInt();
    if (info.folderId.isEmpty() || info.name.isEmpty())
        return protocolError(QStringLiteral("folder without ID or name"));
    return info;
}

QJsonObject SignerState::toJson() const
{
    JsonWriter out;
    writeJson(out);
    return QJsonDocument::fromJson(out.take()).object();
}

void SignerState::writeJson(JsonWriter& out) const
{
    out.beginObject().key("userId").value(userId).key("userName").value(userName).key("position").value(position);
    out.key("signed").value(hasSigned).key("signedAt");
    if (hasSigned)
        out.time(signedAt);
    else
        out.null();
    out.endObject();
}

SignerState SignerState::fromJson(const QJsonObject& object)
{
    SignerState state;
    state.userId = object.value(QStringLiteral("userId")).toString();
    state.userName = object.value(QStringLiteral("userName")).toString();
    state.position = object.value(QStringLiteral("position")).toInt();
    state.hasSigned = object.value(QStringLiteral("signed")).toBool();
    state.signedAt = fromJsonTime(object.value(QStringLiteral("signedAt")).toString());
    return state;
}

QJsonObject FileEntry::toJson() const
{
    JsonWriter out;
    writeJson(out);
    return QJsonDocument::fromJson(out.take()).object();
}

void FileEntry::writeJson(JsonWriter& out) const
{
    out.beginObject().key("fileId").value(fileId).key("folderId").value(folderId);
    out.key("folderName").value(folderName).key("name").value(name);
    out.key("registeredAt").time(registeredAt).key("registeredBy").value(registeredBy);
    out.key("registeredByName").value(registeredByName).key("version").value(version);
    out.key("size").value(size).key("sha256").value(sha256);
    out.key("signatureCount").value(signatureCount).key("status").value(signatureStatusName(status));
    out.key("requiredSigners").value(requiredSigners).key("signedCount").value(signedCount);
    out.key("signOrdered").value(signOrdered).key("myPermission").value(permissionName(myPermission));
    out.key("myStatus").value(myStatusName(myStatus)).key("myTurn").value(myTurn);
    if (!signers.isEmpty()) {
        out.key("signers").beginArray();
        for (const SignerState& signer : signers)
            signer.writeJson(out);
        out.endArray();
    }
    if (!viewers.isEmpty()) {
        out.key("viewers").beginArray();
        for (const QString& viewer : viewers)
            out.value(viewer);
        out.endArray();
    }
    out.endObject();
}

Result<FileEntry> FileEntry::fromJson(const QJsonObject& object)
{
    FileEntry entry;
    entry.fileId = object.value(QStringLiteral("fileId")).toString();
    entry.folderId = object.value(QStringLiteral("folderId")).toString();
    entry.folderName = object.value(QStringLiteral("folderName")).toString();
    entry.name = object.value(QStringLiteral("name")).toString();
    entry.registeredAt = fromJsonTime(object.value(QStringLiteral("registeredAt")).toString());
    entry.registeredBy = object.value(QStringLiteral("registeredBy")).toString();
    entry.registeredByName = object.value(QStringLiteral("registeredByName")).toString();
    entry.version = object.value(QStringLiteral("version")).toInt();
    entry.size = static_cast<qint64>(object.value(QStringLiteral("size")).toDouble());
    entry.sha256 = object.value(QStringLiteral("sha256")).toString();
    entry.signatureCount = object.value(QStringLiteral("signatureCount")).toInt();
    entry.requiredSigners = object.value(QStringLiteral("requiredSigners")).toInt();
    entry.signedCount = object.value(QStringLiteral("signedCount")).toInt();
    entry.signOrdered = object.value(QStringLiteral("signOrdered")).toBool();
    entry.myTurn = object.value(QStringLiteral("myTurn")).toBool();
    entry.myPermission = object.value(QStringLiteral("myPermission")).toString() == QLatin1String("sign")
        ? Permission::Sign
        : Permission::View;
    if (!parseSignatureStatus(object.value(QStringLiteral("status")).toString(), &entry.status)
        || !parseMyStatus(object.value(QStringLiteral("myStatus")).toString(), &entry.myStatus))
        return protocolError(QStringLiteral("file with an unknown status"));
    for (const QJsonValue& signer : object.value(QStringLiteral("signers")).toArray())
        entry.signers.append(SignerState::fromJson(signer.toObject()));
    entry.viewers = stringList(object.value(QStringLiteral("viewers")));
    if (entry.fileId.isEmpty() || entry.name.isEmpty() || entry.version < 1)
        return protocolError(QStringLiteral("file without ID, name or version"));
    return entry;
}

QUrlQuery FileListFilter::toQuery() const
{
    QUrlQuery query;
    if (myStatus)
        query.addQueryItem(QStringLiteral("myStatus"), myStatusName(*myStatus));
    if (target != Target::All)
        query.addQueryItem(QStringLiteral("target"), nameOf(kTargetNames, target));
    if (signatureStatus)
        query.addQueryItem(QStringLiteral("signatureStatus"), signatureStatusName(*signatureStatus));
    if (registeredFrom.isValid())
        query.addQueryItem(QStringLiteral("registeredFrom"), registeredFrom.toString(Qt::ISODate));
    if (registeredTo.isValid())
        query.addQueryItem(QStringLiteral("registeredTo"), registeredTo.toString(Qt::ISODate));
    // Percent-encode what QUrlQuery would leave alone, so that "&", "+", "%" and "#" in names survive.
    const auto encoded = [](const QString& text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); };
    if (!folderName.isEmpty())
        query.addQueryItem(QStringLiteral("folder"), encoded(folderName));
    if (!fileName.isEmpty())
        query.addQueryItem(QStringLiteral("name"), encoded(fileName));
    query.addQueryItem(QStringLiteral("sort"), nameOf(kSortNames, sort));
    query.addQueryItem(QStringLiteral("order"), descending ? QStringLiteral("desc") : QStringLiteral("asc"));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return query;
}

Result<FileListFilter> FileListFilter::fromQuery(const QUrlQuery& query)
{
    IKK_TRY(onlyKnownKeys(query,
        {QStringLiteral("myStatus"), QStringLiteral("target"), QStringLiteral("signatureStatus"),
            QStringLiteral("registeredFrom"), QStringLiteral("registeredTo"), QStringLiteral("folder"),
            QStringLiteral("name"), QStringLiteral("sort"), QStringLiteral("order"), QStringLiteral("offset"),
            QStringLiteral("limit")}));
    FileListFilter filter;
    const QString myStatus = queryText(query, QStringLiteral("myStatus"));
    if (!myStatus.isEmpty() && myStatus != QLatin1String("all")) {
        MyStatus value {};
        if (!parseMyStatus(myStatus, &value))
            return badQuery(QStringLiteral("myStatus must be unprocessed, processed or all"));
        filter.myStatus = value;
    }
    const QString target = queryText(query, QStringLiteral("target"));
    if (!target.isEmpty() && !valueOf(kTargetNames, target, &filter.target))
        return badQuery(QStringLiteral("target must be all, view or sign"));
    const QString status = queryText(query, QStringLiteral("signatureStatus"));
    if (!status.isEmpty() && status != QLatin1String("all")) {
        SignatureStatus value {};
        if (!parseSignatureStatus(status, &value))
            return badQuery(QStringLiteral("signatureStatus must be all, unsigned, signing or signed"));
        filter.signatureStatus = value;
    }
    auto from = queryDate(query, QStringLiteral("registeredFrom"));
    if (!from)
        return from.error();
    auto to = queryDate(query, QStringLiteral("registeredTo"));
    if (!to)
        return to.error();
    filter.registeredFrom = *from;
    filter.registeredTo = *to;
    auto folder = queryFreeText(query, QStringLiteral("folder"), kMaxTextLength);
    if (!folder)
        return folder.error();
    auto name = queryFreeText(query, QStringLiteral("name"), kMaxTextLength);
    if (!name)
        return name.error();
    filter.folderName = *folder;
    filter.fileName = *name;
    const QString sort = queryText(query, QStringLiteral("sort"));
    if (!sort.isEmpty() && !valueOf(kSortNames, sort, &filter.sort))
        return badQuery(QStringLiteral("sort must be name, folder, registeredAt, status or myStatus"));
    const QString order = queryText(query, QStringLiteral("order"));
    if (!order.isEmpty() && order != QLatin1String("asc") && order != QLatin1String("desc"))
        return badQuery(QStringLiteral("order must be asc or desc"));
    filter.descending = order != QLatin1String("asc");
    auto offset = queryInt(query, QStringLiteral("offset"), 0, 0, 100000000);
    if (!offset)
        return offset.error();
    auto limit = queryInt(query, QStringLiteral("limit"), 50, 1, kMaxLimit);
    if (!limit)
        return limit.error();
    filter.offset = *offset;
    filter.limit = *limit;
    return filter;
}

Result<FileListPage> FileListPage::fromJson(const QJsonObject& object)
{
    FileListPage page;
    if (!object.value(QStringLiteral("files")).isArray())
        return protocolError(QStringLiteral("file list without files"));
    auto files = listFromJson<FileEntry>(object, QStringLiteral("files"));
    if (!files)
        return files.error();
    page.files = std::move(files).value();
    page.total = object.value(QStringLiteral("total")).toInt();
    page.offset = object.value(QStringLiteral("offset")).toInt();
    page.limit = object.value(QStringLiteral("limit")).toInt();
    return page;
}

QJsonObject NewFile::toJson() const
{
    QJsonObject object {{QStringLiteral("name"), name},
        {QStringLiteral("content"), QString::fromLatin1(content.toBase64())},
        {QStringLiteral("viewers"), stringArray(viewers)}, {QStringLiteral("signers"), stringArray(signers)},
        {QStringLiteral("signOrdered"), signOrdered}};
    if (!boxes.isEmpty())
        object.insert(QStringLiteral("boxes"), signatureBoxesToJson(boxes).value(QStringLiteral("boxes")));
    return object;
}

Result<NewFileOutcome> NewFileOutcome::fromJson(const QJsonObject& object)
{
    NewFileOutcome outcome;
    outcome.name = object.value(QStringLiteral("name")).toString();
    if (object.value(QStringLiteral("file")).isObject()) {
        auto file = FileEntry::fromJson(object.value(QStringLiteral("file")).toObject());
        if (!file)
            return file.error();
        outcome.file = *file;
        return outcome;
    }
    if (!parseErrorCode(object.value(QStringLiteral("code")).toString(), &outcome.code))
        return protocolError(QStringLiteral("refused file without a known code"));
    return outcome;
}

QJsonObject ProcessingResult::toJson() const
{
    return {{QStringLiteral("resultId"), resultId}, {QStringLiteral("occurredAt"), toJsonTime(occurredAt)},
        {QStringLiteral("userId"), userId}, {QStringLiteral("userName"), userName}, {QStringLiteral("fileId"), fileId},
        {QStringLiteral("folderName"), folderName}, {QStringLiteral("fileName"), fileName},
        {QStringLiteral("action"), resultActionName(action)},
        {QStringLiteral("outcome"), succeeded ? QStringLiteral("ok") : QStringLiteral("failed")},
        {QStringLiteral("errorCode"), errorCode}, {QStringLiteral("version"), version},
        {QStringLiteral("client"), client}, {QStringLiteral("remote"), remote}};
}

Result<ProcessingResult> ProcessingResult::fromJson(const QJsonObject& object)
{
    ProcessingResult result;
    result.resultId = object.value(QStringLiteral("resultId")).toString();
    result.occurredAt = fromJsonTime(object.value(QStringLiteral("occurredAt")).toString());
    result.userId = object.value(QStringLiteral("userId")).toString();
    result.userName = object.value(QStringLiteral("userName")).toString();
    result.fileId = object.value(QStringLiteral("fileId")).toString();
    result.folderName = object.value(QStringLiteral("folderName")).toString();
    result.fileName = object.value(QStringLiteral("fileName")).toString();
    if (!parseResultAction(object.value(QStringLiteral("action")).toString(), &result.action))
        return protocolError(QStringLiteral("result with an unknown action"));
    result.succeeded = object.value(QStringLiteral("outcome")).toString() == QLatin1String("ok");
    result.errorCode = object.value(QStringLiteral("errorCode")).toString();
    result.version = object.value(QStringLiteral("version")).toInt();
    result.client = object.value(QStringLiteral("client")).toString();
    result.remote = object.value(QStringLiteral("remote")).toString();
    return result;
}

QUrlQuery ResultFilter::toQuery() const
{
    QUrlQuery query;
    if (!userId.isEmpty())
        query.addQueryItem(QStringLiteral("userId"), QString::fromLatin1(QUrl::toPercentEncoding(userId)));
    if (from.isValid())
        query.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    if (to.isValid())
        query.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    if (action)
        query.addQueryItem(QStringLiteral("action"), resultActionName(*action));
    if (succeeded)
        query.addQueryItem(QStringLiteral("outcome"), *succeeded ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (!fileName.isEmpty())
        query.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(fileName)));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return query;
}

Result<ResultFilter> ResultFilter::fromQuery(const QUrlQuery& query)
{
    IKK_TRY(onlyKnownKeys(query,
        {QStringLiteral("userId"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("action"),
            QStringLiteral("outcome"), QStringLiteral("name"), QStringLiteral("offset"), QStringLiteral("limit")}));
    ResultFilter filter;
    auto userId = queryFreeText(query, QStringLiteral("userId"), 64);
    if (!userId)
        return userId.error();
    filter.userId = *userId;
    auto from = queryDate(query, QStringLiteral("from"));
    if (!from)
        return from.error();
    auto to = queryDate(query, QStringLiteral("to"));
    if (!to)
        return to.error();
    filter.from = *from;
    filter.to = *to;
    const QString action = queryText(query, QStringLiteral("action"));
    if (!action.isEmpty()) {
        ProcessingResult::Action value {};
        if (!parseResultAction(action, &value))
            return badQuery(QStringLiteral("action must be register, view or sign"));
        filter.action = value;
    }
    const QString outcome = queryText(query, QStringLiteral("outcome"));
    if (outcome == QLatin1String("ok"))
        filter.succeeded = true;
    else if (outcome == QLatin1String("failed"))
        filter.succeeded = false;
    else if (!outcome.isEmpty())
        return badQuery(QStringLiteral("outcome must be ok or failed"));
    auto name = queryFreeText(query, QStringLiteral("name"), FileListFilter::kMaxTextLength);
    if (!name)
        return name.error();
    filter.fileName = *name;
    auto offset = queryInt(query, QStringLiteral("offset"), 0, 0, 100000000);
    if (!offset)
        return offset.error();
    auto limit = queryInt(query, QStringLiteral("limit"), 100, 1, kMaxLimit);
    if (!limit)
        return limit.error();
    filter.offset = *offset;
    filter.limit = *limit;
    return filter;
}

Result<ResultPage> ResultPage::fromJson(const QJsonObject& object)
{
    ResultPage page;
    if (!object.value(QStringLiteral("results")).isArray())
        return protocolError(QStringLiteral("result list without results"));
    auto results = listFromJson<ProcessingResult>(object, QStringLiteral("results"));
    if (!results)
        return results.error();
    page.results = std::move(results).value();
    page.total = object.value(QStringLiteral("total")).toInt();
    page.offset = object.value(QStringLiteral("offset")).toInt();
    page.limit = object.value(QStringLiteral("limit")).toInt();
    return page;
}

} // namespace ikkatsu::api
