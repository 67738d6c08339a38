// JSON of the REST contract; decoding is strict so that a client notices a server it does not understand.
#include "api/Dto.h"

#include <QJsonArray>

namespace ikkatsu::api {

namespace {

Error protocolError(const QString& what)
{
    return makeError(ErrorCode::ProtocolMismatch, what);
}

QJsonObject subjectToJson(const SubjectName& subject)
{
    return {{QStringLiteral("commonName"), subject.commonName}, {QStringLiteral("companyUnit"), subject.companyUnit},
        {QStringLiteral("serviceUnit"), subject.serviceUnit}, {QStringLiteral("organization"), subject.organization},
        {QStringLiteral("country"), subject.country}};
}

SubjectName subjectFromJson(const QJsonObject& object)
{
    SubjectName subject;
    subject.commonName = object.value(QStringLiteral("commonName")).toString();
    subject.companyUnit = object.value(QStringLiteral("companyUnit")).toString();
    subject.serviceUnit = object.value(QStringLiteral("serviceUnit")).toString();
    subject.organization = object.value(QStringLiteral("organization")).toString();
    subject.country = object.value(QStringLiteral("country")).toString();
    return subject;
}

QByteArray fromBase64(const QJsonValue& value)
{
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? *decoded : QByteArray();
}

} // namespace

QString toJsonTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime fromJsonTime(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODate);
}

QString roleName(Role role)
{
    return role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("user");
}

bool parseRole(const QString& text, Role* role)
{
    if (text == QLatin1String("admin"))
        *role = Role::Admin;
    else if (text == QLatin1String("user"))
        *role = Role::User;
    else
        return false;
    return true;
}

QString signingChoiceName(SigningChoice choice)
{
    switch (choice) {
    case SigningChoice::Sign:
        return QStringLiteral("sign");
    case SigningChoice::ViewOnly:
        return QStringLiteral("view");
    case SigningChoice::Undecided:
        break;
    }
    return {};
}

QJsonObject UserInfo::toJson() const
{
    return {{QStringLiteral("userId"), userId}, {QStringLiteral("userName"), userName},
        {QStringLiteral("company"), company}, {QStringLiteral("nameRoman"), nameRoman},
        {QStringLiteral("companyRoman"), companyRoman}, {QStringLiteral("email"), email},
        {QStringLiteral("loginExpiresAt"), toJsonTime(loginExpiresAt)}, {QStringLiteral("role"), roleName(role)},
        {QStringLiteral("maySign"), maySign}, {QStringLiteral("locked"), locked},
        {QStringLiteral("disabled"), disabled}, {QStringLiteral("mustChangePassword"), mustChangePassword},
        {QStringLiteral("signingChoice"), signingChoiceName(signingChoice)},
        {QStringLiteral("failedLogins"), failedLogins}};
}

Result<UserInfo> UserInfo::fromJson(const QJsonObject& object)
{
    UserInfo user;
    user.userId = object.value(QStringLiteral("userId")).toString();
    if (user.userId.isEmpty())
        return protocolError(QStringLiteral("user without userId"));
    user.userName = object.value(QStringLiteral("userName")).toString();
    user.company = object.value(QStringLiteral("company")).toString();
    user.nameRoman = object.value(QStringLiteral("nameRoman")).toString();
    user.companyRoman = object.value(QStringLiteral("companyRoman")).toString();
    user.email = object.value(QStringLiteral("email")).toString();
    user.loginExpiresAt = fromJsonTime(object.value(QStringLiteral("loginExpiresAt")).toString());
    if (!parseRole(object.value(QStringLiteral("role")).toString(), &user.role))
        return protocolError(QStringLiteral("unknown role"));
    user.maySign = object.value(QStringLiteral("maySign")).toBool();
    user.locked = object.value(QStringLiteral("locked")).toBool();
    user.disabled = object.value(QStringLiteral("disabled")).toBool();
    user.mustChangePassword = object.value(QStringLiteral("mustChangePassword")).toBool();
    const QString choice = object.value(QStringLiteral("signingChoice")).toString();
    user.signingChoice = choice == QLatin1String("sign") ? SigningChoice::Sign
        : choice == QLatin1String("view")                ? SigningChoice::ViewOnly
                                                         : SigningChoice::Undecided;
    user.failedLogins = object.value(QStringLiteral("failedLogins")).toInt();
    return user;
}

QJsonObject NewUser::toJson() const
{
    return {{QStringLiteral("userName"), userName}, {QStringLiteral("company"), company},
        {QStringLiteral("nameRoman"), nameRoman}, {QStringLiteral("companyRoman"), companyRoman},
        {QStringLiteral("email"), email}, {QStringLiteral("loginExpiresAt"), toJsonTime(loginExpiresAt)},
        {QStringLiteral("role"), roleName(role)}, {QStringLiteral("maySign"), maySign}};
}

QJsonObject LoginChallenge::toJson() const
{
    return {{QStringLiteral("attemptId"), attemptId}, {QStringLiteral("otpExpiresAt"), toJsonTime(otpExpiresAt)},
        {QStringLiteral("resendAfterSeconds"), resendAfterSeconds}};
}

Result<LoginChallenge> LoginChallenge::fromJson(const QJsonObject& object)
{
    LoginChallenge challenge;
    challenge.attemptId = object.value(QStringLiteral("attemptId")).toString();
    challenge.otpExpiresAt = fromJsonTime(object.value(QStringLiteral("otpExpiresAt")).toString());
    challenge.resendAfterSeconds = object.value(QStringLiteral("resendAfterSeconds")).toInt();
    if (challenge.attemptId.isEmpty())
        return protocolError(QStringLiteral("login answer without attemptId"));
    return challenge;
}

QJsonObject Session::toJson() const
{
    return {{QStringLiteral("token"), token}, {QStringLiteral("expiresAt"), toJsonTime(expiresAt)},
        {QStringLiteral("idleTimeoutSeconds"), idleTimeoutSeconds},
        {QStringLiteral("mustChangePassword"), mustChangePassword},
        {QStringLiteral("certificateSetupDone"), certificateSetupDone}, {QStringLiteral("user"), user.toJson()}};
}

Result<Session> Session::fromJson(const QJsonObject& object)
{
    Session session;
    session.token = object.value(QStringLiteral("token")).toString();
    if (session.token.isEmpty())
        return protocolError(QStringLiteral("session without token"));
    session.expiresAt = fromJsonTime(object.value(QStringLiteral("expiresAt")).toString());
    session.idleTimeoutSeconds = object.value(QStringLiteral("idleTimeoutSeconds")).toInt();
    session.mustChangePassword = object.value(QStringLiteral("mustChangePassword")).toBool();
    session.certificateSetupDone = object.value(QStringLiteral("certificateSetupDone")).toBool();
    auto user = UserInfo::fromJson(object.value(QStringLiteral("user")).toObject());
    if (!user)
        return user.error();
    session.user = user.value();
    return session;
}

QJsonObject CertificateInfo::toJson() const
{
    return {{QStringLiteral("serialNumber"), serialNumber}, {QStringLiteral("subject"), subjectToJson(subject)},
        {QStringLiteral("notBefore"), toJsonTime(notBefore)}, {QStringLiteral("notAfter"), toJsonTime(notAfter)},
        {QStringLiteral("certificate"), QString::fromLatin1(certificateDer.toBase64())},
        {QStringLiteral("caCertificate"), QString::fromLatin1(caCertificateDer.toBase64())},
        {QStringLiteral("revoked"), revoked}};
}

Result<CertificateInfo> CertificateInfo::fromJson(const QJsonObject& object)
{
    CertificateInfo info;
    info.serialNumber = object.value(QStringLiteral("serialNumber")).toString();
    info.subject = subjectFromJson(object.value(QStringLiteral("subject")).toObject());
    info.notBefore = fromJsonTime(object.value(QStringLiteral("notBefore")).toString());
    info.notAfter = fromJsonTime(object.value(QStringLiteral("notAfter")).toString());
    info.certificateDer = fromBase64(object.value(QStringLiteral("certificate")));
    info.caCertificateDer = fromBase64(object.value(QStringLiteral("caCertificate")));
    info.revoked = object.value(QStringLiteral("revoked")).toBool();
    if (info.serialNumber.isEmpty() || info.certificateDer.isEmpty())
        return protocolError(QStringLiteral("certificate answer without serial or certificate"));
    return info;
}

QJsonObject CertificateSetupRequest::toJson() const
{
    QJsonObject object {{QStringLiteral("sign"), sign}};
    if (sign)
        object.insert(QStringLiteral("csr"), QString::fromLatin1(csrDer.toBase64()));
    return object;
}

Result<ErrorBody> ErrorBody::fromJson(const QJsonObject& object)
{
    ErrorBody body;
    if (!parseErrorCode(object.value(QStringLiteral("code")).toString(), &body.code))
        return protocolError(QStringLiteral("error answer without a known code"));
    body.message = object.value(QStringLiteral("message")).toString();
    return body;
}

} // namespace ikkatsu::api
