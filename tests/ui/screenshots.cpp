// Renders every screen of the desktop app in Japanese into PNG files (run by scripts/screenshots), the main window at
// the size of a 1280×800 screen less its title bar (MainWindow::preferredSize).
// The account side is a local demonstration service whose certificates come from a real CertificateAuthority;
// files come from a LocalFolderFileSource over generated PDFs.
#include "MainWindow.h"
#include "PdfFixtures.h"
#include "Style.h"
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "admin/AllResultsPage.h"
#include "admin/AuditTrailPage.h"
#include "admin/FilesPage.h"
#include "admin/PermissionsDialog.h"
#include "admin/SignatureBoxDialog.h"
#include "admin/UserFormDialog.h"
#include "admin/UsersPage.h"
#include "config/Language.h"
#include "config/Settings.h"
#include "crypto/CertificateAuthority.h"
#include "files/FileListModel.h"
#include "pages/LoginPage.h"
#include "pages/MyPage.h"
#include "services/AdminService.h"
#include "services/LocalFolderFileSource.h"
#include "setup/CertificateSetupWizard.h"
#include "signing/BatchJournal.h"
#include "signing/BatchSignDialog.h"
#include "viewer/FileViewer.h"
#include "viewer/PlacementCanvas.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cstdio>
#include <memory>

using namespace ikkatsu;
using namespace ikkatsu::ui;

namespace {

class DemoAccountService : public AccountService
{
public:
    explicit DemoAccountService(CertificateAuthority* ca)
        : m_ca(ca)
    { }

    bool holdCertificate = false;
    bool administrator = false;
    std::shared_ptr<QPromise<Result<CertificateDetails>>> held;

    UserProfile user() const
    {
        UserProfile user;
        user.userId = QStringLiteral("u0001");
        user.userName = QStringLiteral("受信者 太郎");
        user.company = QStringLiteral("AAA 株式会社");
        user.nameRoman = QStringLiteral("Taro Jushinsha");
        user.companyRoman = QStringLiteral("AAA Corporation");
        user.email = QStringLiteral("taro@example.jp");
        user.loginExpiresAt = QDateTime(QDate(2027, 3, 31), QTime(23, 59));
        user.administrator = administrator;
        if (administrator) {
            // The second login of the run: the certificate is set up by then.
            user.signingChoice = SigningChoice::Sign;
            user.certificateSetupDone = true;
        }
        return user;
    }

    QFuture<Result<OtpChallenge>> login(const QString&, const QString&, const QString& password) override
    {
        if (password == QLatin1String("wrong"))
            return QtFuture::makeReadyFuture(Result<OtpChallenge>(makeError(ErrorCode::InvalidCredentials)));
        return QtFuture::makeReadyFuture(
            Result<OtpChallenge>(OtpChallenge {QDateTime::currentDateTimeUtc().addSecs(600), 60}));
    }
    QFuture<Result<UserProfile>> verifyOtp(const QString&) override
    {
        return QtFuture::makeReadyFuture(Result<UserProfile>(user()));
    }
    QFuture<Result<OtpChallenge>> resendOtp() override
    {
        return QtFuture::makeReadyFuture(
            Result<OtpChallenge>(OtpChallenge {QDateTime::currentDateTimeUtc().addSecs(600), 60}));
    }
    QFuture<Result<CertificateDetails>> setupCertificate(bool sign, const QByteArray& csrDer) override
    {
        Result<CertificateDetails> answer = CertificateDetails {};
        if (sign) {
            SubjectName subject;
            subject.commonName = QStringLiteral("Taro Jushinsha");
            subject.companyUnit = QStringLiteral("AAA Corporation");
            subject.serviceUnit = QStringLiteral("Ikkatsu Batch Signature");
            subject.organization = QStringLiteral("Ikkatsu Trust Services");
            auto issued = m_ca->issue(csrDer, subject, 730, QStringLiteral("http://127.0.0.1/crl"));
            if (!issued.ok()) {
                answer = issued.error();
            } else {
                CertificateDetails details;
                details.serialNumber = issued->serialHex;
                details.subject = subject;
                details.notAfter = issued->notAfter;
                details.certificateDer = issued->der;
                details.caCertificateDer = m_ca->certificateDer();
                answer = details;
            }
        }
        if (!holdCertificate)
            return QtFuture::makeReadyFuture(answer);
        held = std::make_shared<QPromise<Result<CertificateDetails>>>();
        held->start();
        m_heldAnswer = std::make_unique<Result<CertificateDetails>>(answer);
        return held->future();
    }
    void release()
    {
        held->addResult(*m_heldAnswer);
        held->finish();
    }
    QFuture<Status> changePassword(const QString&, const QString&) override
    {
        return QtFuture::makeReadyFuture(Status());
    }
    QFuture<Status> logout() override { return QtFuture::makeReadyFuture(Status()); }
    // The 印影 the user chose: a 丸印 with the family name at the bottom right of the last page.
    api::SealSettings seal = [] {
        api::SealSettings settings;
        settings.style = QStringLiteral("round");
        settings.page = QStringLiteral("first");
        settings.corner = QStringLiteral("top-right");
        return settings;
    }();
    QFuture<Result<api::SealSettingsReply>> sealSettings() override
    {
        return QtFuture::makeReadyFuture(Result<api::SealSettingsReply>(sealReply()));
    }
    QFuture<Result<api::SealSettingsReply>> saveSealSettings(const api::SealSettings& settings) override
    {
        if (Status valid = settings.validate(); !valid)
            return QtFuture::makeReadyFuture(Result<api::SealSettingsReply>(valid.error()));
        seal = settings;
        return QtFuture::makeReadyFuture(Result<api::SealSettingsReply>(sealReply()));
    }
    api::SealSettingsReply sealReply() const
    {
        api::SealSettingsReply reply;
        reply.seal = seal;
        reply.defaultText = api::defaultSealText(user().userName);
        reply.defaultCompany = user().company;
        reply.fieldName = user().userId;
        return reply;
    }

private:
    CertificateAuthority* m_ca;
    std::unique_ptr<Result<CertificateDetails>> m_heldAnswer;
};

// ユーザ管理's data for the admin screens: a handful of users in memory, searched like the server does.
class DemoAdminService : public AdminService
{
public:
    explicit DemoAdminService(CertificateAuthority* ca)
    {
        struct Row
        {
            const char* id;
            const char* name;
            const char* company;
            const char* roman;
            const char* companyRoman;
            const char* email;
            int expiryYear;
            bool admin;
            bool maySign;
            bool locked;
            bool disabled;
        };
        const Row rows[] = {
            {"admin", "管理者 一郎", "AAA 株式会社", "Ichiro Kanrisha", "AAA Corporation", "ichiro@example.jp", 2030,
                true, true, false, false},
            {"u0001", "受信者 太郎", "AAA 株式会社", "Taro Jushinsha", "AAA Corporation", "taro@example.jp", 2027,
                false, true, false, false},
            {"u0002", "設計 花子", "BBB 設計事務所", "Hanako Sekkei", "BBB Design Office", "hanako@bbb.example.jp",
                2027, false, true, true, false},
            {"u0003", "施工 次郎", "CCC 建設株式会社", "Jiro Seko", "CCC Construction", "jiro@ccc.example.jp", 2024,
                false, true, false, false},
            {"u0004", "閲覧 三郎", "DDD 不動産", "Saburo Etsuran", "DDD Real Estate", "saburo@ddd.example.jp", 2028,
                false, false, false, false},
            {"u0005", "監査 四郎", "EEE 監査法人", "Shiro Kansa", "EEE Audit", "shiro@eee.example.jp", 2026, false,
                true, false, true},
        };
        for (const Row& row : rows) {
            api::UserInfo user;
            user.userId = QString::fromUtf8(row.id);
            user.userName = QString::fromUtf8(row.name);
            user.company = QString::fromUtf8(row.company);
            user.nameRoman = QString::fromUtf8(row.roman);
            user.companyRoman = QString::fromUtf8(row.companyRoman);
            user.email = QString::fromUtf8(row.email);
            user.loginExpiresAt = UserFormDialog::endOfDay(QDate(row.expiryYear, 3, 31));
            user.role = row.admin ? api::Role::Admin : api::Role::User;
            user.maySign = row.maySign;
            user.locked = row.locked;
            user.failedLogins = row.locked ? 5 : 0;
            user.disabled = row.disabled;
            user.signingChoice = row.maySign ? api::SigningChoice::Sign : api::SigningChoice::ViewOnly;
            m_users.append(user);
        }
        // Two certificates for 受信者 太郎: the current one and a revoked predecessor.
        for (int i = 0; i < 2; ++i) {
            auto key = PrivateKey::generate(KeyAlgorithm::EcdsaP256);
            auto csr = key.ok() ? createCertificateRequest(*key, subjectOf())
                                : Result<QByteArray>(makeError(ErrorCode::Unexpected));
            const SubjectName subject = subjectOf();
            auto issued = csr.ok() ? ca->issue(*csr, subject, 730, QStringLiteral("http://127.0.0.1/crl"))
                                   : Result<IssuedCertificate>(csr.error());
            if (!issued.ok())
                continue;
            api::CertificateInfo info;
            info.serialNumber = issued->serialHex;
            info.subject = subject;
            info.notBefore = QDateTime::currentDateTimeUtc().addDays(i == 0 ? -30 : -400);
            info.notAfter = info.notBefore.addDays(730);
            info.revoked = i == 1;
            m_certificates.append(info);
        }
    }

    QFuture<Result<UserListPage>> listUsers(const QString& search, int offset, int limit) override
    {
        UserListPage page;
        for (const api::UserInfo& user : std::as_const(m_users)) {
            const QString all = user.userId + user.userName + user.company + user.nameRoman + user.email;
            if (search.isEmpty() || all.contains(search, Qt::CaseInsensitive))
                page.users.append(user);
        }
        page.total = int(page.users.size());
        page.users = page.users.mid(offset, limit);
        return QtFuture::makeReadyFuture(Result<UserListPage>(page));
    }
    QFuture<Result<UserDetails>> userDetails(const QString& userId) override
    {
        UserDetails details;
        details.user = *findUser(userId);
        if (userId == QLatin1String("u0001"))
            details.certificates = m_certificates;
        return QtFuture::makeReadyFuture(Result<UserDetails>(details));
    }
    QFuture<Result<UserRegistration>> registerUser(const api::NewUser& user) override
    {
        api::UserInfo info;
        info.userId = QStringLiteral("u%1").arg(m_users.size(), 4, 10, QLatin1Char('0'));
        info.userName = user.userName;
        info.company = user.company;
        info.nameRoman = user.nameRoman;
        info.companyRoman = user.companyRoman;
        info.email = user.email;
        info.loginExpiresAt = user.loginExpiresAt;
        info.role = user.role;
        info.maySign = user.maySign;
        info.mustChangePassword = true;
        m_users.append(info);
        return QtFuture::makeReadyFuture(Result<UserRegistration>(UserRegistration {info, true}));
    }
    QFuture<Result<api::UserInfo>> editUser(const QString& userId, const QJsonObject&) override
    {
        return QtFuture::makeReadyFuture(Result<api::UserInfo>(*findUser(userId)));
    }
    QFuture<Result<api::UserInfo>> setLocked(const QString& userId, bool locked) override
    {
        findUser(userId)->locked = locked;
        return QtFuture::makeReadyFuture(Result<api::UserInfo>(*findUser(userId)));
    }
    QFuture<Result<api::UserInfo>> setDisabled(const QString& userId, bool disabled) override
    {
        findUser(userId)->disabled = disabled;
        return QtFuture::makeReadyFuture(Result<api::UserInfo>(*findUser(userId)));
    }
    QFuture<Result<UserRegistration>> resetPassword(const QString& userId) override
    {
        return QtFuture::makeReadyFuture(Result<UserRegistration>(UserRegistration {*findUser(userId), true}));
    }
    QFuture<Result<api::CertificateInfo>> revokeCertificate(const QString& serialNumber) override
    {
        for (api::CertificateInfo& info : m_certificates) {
            if (info.serialNumber == serialNumber)
                info.revoked = true;
        }
        return QtFuture::makeReadyFuture(Result<api::CertificateInfo>(m_certificates.first()));
    }

    // フォルダ・ファイル管理 and 全員の処理結果: a few folders and files in several states, and their trail.
    QFuture<Result<QList<api::FolderInfo>>> folders() override
    {
        seedFiles();
        for (api::FolderInfo& folder : m_folders) {
            folder.fileCount = 0;
            for (const api::FileEntry& file : std::as_const(m_files))
                folder.fileCount += file.folderId == folder.folderId ? 1 : 0;
        }
        return QtFuture::makeReadyFuture(Result<QList<api::FolderInfo>>(m_folders));
    }
    QFuture<Result<api::FolderInfo>> createFolder(const QString& name) override
    {
        for (const api::FolderInfo& folder : std::as_const(m_folders)) {
            if (folder.name == name)
                return QtFuture::makeReadyFuture(Result<api::FolderInfo>(makeError(ErrorCode::DuplicateFileName)));
        }
        api::FolderInfo folder;
        folder.folderId = QStringLiteral("d%1").arg(m_folders.size() + 1);
        folder.name = name;
        m_folders.append(folder);
        return QtFuture::makeReadyFuture(Result<api::FolderInfo>(folder));
    }
    QFuture<Result<QList<api::NewFileOutcome>>> registerFiles(
        const QString& folderId, const QList<api::NewFile>& files) override
    {
        QList<api::NewFileOutcome> outcomes;
        for (const api::NewFile& file : files) {
            api::NewFileOutcome outcome;
            outcome.name = file.name;
            bool duplicate = false;
            for (const api::FileEntry& entry : std::as_const(m_files))
                duplicate = duplicate || (entry.folderId == folderId && entry.name == file.name);
            if (!file.content.startsWith("%PDF-")) {
                outcome.code = ErrorCode::NotAPdf;
            } else if (duplicate) {
                outcome.code = ErrorCode::DuplicateFileName;
            } else {
                api::FileEntry entry = fileEntry(folderId, file.name, int(file.signers.size()), 0);
                entry.signOrdered = file.signOrdered;
                entry.registeredAt = QDateTime(QDate(2026, 11, 21), QTime(18, 0)).addSecs(60 * outcomes.size());
                m_files.prepend(entry);
                outcome.file = entry;
            }
            outcomes.append(outcome);
        }
        return QtFuture::makeReadyFuture(Result<QList<api::NewFileOutcome>>(outcomes));
    }
    QFuture<Result<api::FileListPage>> files(const QString& folderId, int offset, int limit) override
    {
        api::FileListPage page;
        for (const api::FileEntry& file : std::as_const(m_files)) {
            if (folderId.isEmpty() || file.folderId == folderId)
                page.files.append(file);
        }
        page.total = int(page.files.size());
        page.files = page.files.mid(offset, limit);
        page.offset = offset;
        page.limit = limit;
        return QtFuture::makeReadyFuture(Result<api::FileListPage>(page));
    }
    QFuture<Result<api::FileEntry>> fileDetail(const QString& fileId) override
    {
        for (const api::FileEntry& file : std::as_const(m_files)) {
            if (file.fileId != fileId)
                continue;
            api::FileEntry detail = file;
            const QStringList ids = {QStringLiteral("u0002"), QStringLiteral("u0003"), QStringLiteral("u0001")};
            for (int i = 0; i < file.requiredSigners && i < ids.size(); ++i) {
                api::SignerState signer;
                signer.userId = ids.at(i);
                signer.userName = findUser(ids.at(i))->userName;
                signer.position = i + 1;
                signer.hasSigned = i < file.signedCount;
                signer.signedAt = file.registeredAt.addSecs(3600 * (i + 2));
                detail.signers.append(signer);
            }
            detail.viewers = {QStringLiteral("u0004")};
            return QtFuture::makeReadyFuture(Result<api::FileEntry>(detail));
        }
        return QtFuture::makeReadyFuture(Result<api::FileEntry>(makeError(ErrorCode::FileNotFound)));
    }
    QFuture<Result<api::FileEntry>> changePermissions(
        const QString& fileId, const QStringList& viewers, const QStringList& signers, bool signOrdered) override
    {
        for (api::FileEntry& file : m_files) {
            if (file.fileId != fileId)
                continue;
            file.requiredSigners = int(signers.size());
            file.signOrdered = signOrdered;
            api::FileEntry detail = file;
            detail.signers.clear();
            for (int i = 0; i < signers.size(); ++i) {
                api::SignerState signer;
                signer.userId = signers.at(i);
                signer.userName = findUser(signers.at(i))->userName;
                signer.position = i + 1;
                signer.hasSigned = i < file.signedCount;
                detail.signers.append(signer);
            }
            detail.viewers = viewers;
            return QtFuture::makeReadyFuture(Result<api::FileEntry>(detail));
        }
        return QtFuture::makeReadyFuture(Result<api::FileEntry>(makeError(ErrorCode::FileNotFound)));
    }
    QFuture<Result<QByteArray>> fileVersion(const QString&, int) override
    {
        return QtFuture::makeReadyFuture(Result<QByteArray>(test::minimalPdf()));
    }
    // One box placed earlier on the first page; new ones are kept as placed.
    QFuture<Result<QList<api::SignatureBox>>> signatureBoxes(const QString&) override
    {
        return QtFuture::makeReadyFuture(Result<QList<api::SignatureBox>>(m_boxes));
    }
    QFuture<Result<QList<api::SignatureBox>>> placeSignatureBoxes(
        const QString&, const QList<api::SignatureBox>& boxes) override
    {
        m_boxes += boxes;
        return QtFuture::makeReadyFuture(Result<QList<api::SignatureBox>>(m_boxes));
    }
    QList<api::SignatureBox> m_boxes {api::SignatureBox {QStringLiteral("u0002"), 1, {420, 680, 500, 760}, false}};
    QFuture<Result<api::ResultPage>> allResults(const api::ResultFilter& filter) override
    {
        api::ResultPage page;
        const QList<api::ProcessingResult> trail = results();
        for (const api::ProcessingResult& result : trail) {
            if (!filter.userId.isEmpty() && result.userId != filter.userId)
                continue;
            if (filter.action && result.action != *filter.action)
                continue;
            if (filter.succeeded && result.succeeded != *filter.succeeded)
                continue;
            if (!filter.fileName.isEmpty() && !result.fileName.contains(filter.fileName))
                continue;
            page.results.append(result);
        }
        page.total = int(page.results.size());
        page.results = page.results.mid(filter.offset, filter.limit);
        return QtFuture::makeReadyFuture(Result<api::ResultPage>(page));
    }
    QFuture<Result<QByteArray>> allResultsCsv(const api::ResultFilter&) override
    {
        return QtFuture::makeReadyFuture(Result<QByteArray>(QByteArrayLiteral("\xEF\xBB\xBF")));
    }
    QFuture<Result<api::AuditPage>> auditTrail(const api::AuditFilter& filter) override
    {
        const struct
        {
            const char* event;
            const char* actor;
            const char* subject;
            const char* detail;
        } rows[] = {
            {"audit.exported", "admin", "", "filter=event=user."},
            {"file.registered", "admin", "", "file=f3k9 name=工程表_第3版.pdf viewers=1 signers=3"},
            {"file.registered", "admin", "", "file=f7q2 name=重要事項説明書.pdf viewers=1 signers=0"},
            {"folder.created", "admin", "", "folder=d1 name=2026年11月 工事請負契約"},
            {"user.locked", "admin", "u0004", ""},
            {"user.edited", "admin", "u0002", "company,email"},
            {"certificate.revoked", "admin", "u0003", "serial=5F3A reason=1"},
            {"user.password_reset", "admin", "u0003", ""},
            {"user.registered", "admin", "u0004", "role=user maySign=false"},
            {"login.success", "u0001", "u0001", ""},
            {"user.locked_out", "", "u0003", "5 wrong passwords"},
        };
        api::AuditPage page;
        int minute = 0;
        for (const auto& row : rows) {
            api::AuditEntry entry;
            entry.eventId = QString::number(minute);
            entry.occurredAt = QDateTime(QDate(2026, 11, 21), QTime(17, 52)).addSecs(-60 * 23 * minute++);
            entry.event = QString::fromUtf8(row.event);
            entry.actor = QString::fromUtf8(row.actor);
            entry.subjectUser = QString::fromUtf8(row.subject);
            entry.detail = QString::fromUtf8(row.detail);
            entry.remote = QStringLiteral("192.0.2.%1").arg(entry.actor == QLatin1String("admin") ? 10 : 24);
            if (!filter.event.isEmpty() && entry.event != filter.event)
                continue;
            page.entries.append(entry);
        }
        page.total = int(page.entries.size());
        return QtFuture::makeReadyFuture(Result<api::AuditPage>(page));
    }
    QFuture<Result<QByteArray>> auditTrailCsv(const api::AuditFilter&) override
    {
        return QtFuture::makeReadyFuture(Result<QByteArray>(QByteArrayLiteral("\xEF\xBB\xBF")));
    }

private:
    static SubjectName subjectOf()
    {
        SubjectName subject;
        subject.commonName = QStringLiteral("Taro Jushinsha");
        subject.companyUnit = QStringLiteral("AAA Corporation");
        subject.serviceUnit = QStringLiteral("Ikkatsu Batch Signature");
        subject.organization = QStringLiteral("Ikkatsu Trust Services");
        return subject;
    }

    api::UserInfo* findUser(const QString& userId)
    {
        for (api::UserInfo& user : m_users) {
            if (user.userId == userId)
                return &user;
        }
        return &m_users.first();
    }

    api::FileEntry fileEntry(const QString& folderId, const QString& name, int required, int signedCount)
    {
        api::FileEntry file;
        file.fileId = QStringLiteral("f%1").arg(m_files.size() + 1);
        file.folderId = folderId;
        for (const api::FolderInfo& folder : std::as_const(m_folders)) {
            if (folder.folderId == folderId)
                file.folderName = folder.name;
        }
        file.name = name;
        file.registeredAt = QDateTime(QDate(2026, 11, 20), QTime(9, 30)).addSecs(-3600 * m_files.size());
        file.registeredBy = QStringLiteral("admin");
        file.version = 1 + signedCount;
        file.requiredSigners = required;
        file.signedCount = signedCount;
        file.status = signedCount == 0 ? api::SignatureStatus::Unsigned
            : signedCount < required   ? api::SignatureStatus::Signing
                                       : api::SignatureStatus::Signed;
        return file;
    }

    void seedFiles()
    {
        if (!m_folders.isEmpty())
            return;
        const char* names[] = {"2026年度 工事請負契約", "設計図書", "監査報告"};
        for (const char* name : names) {
            api::FolderInfo folder;
            folder.folderId = QStringLiteral("d%1").arg(m_folders.size() + 1);
            folder.name = QString::fromUtf8(name);
            m_folders.append(folder);
        }
        const struct
        {
            const char* name;
            int required;
            int signedCount;
            bool ordered;
        } files[] = {
            {"工事請負契約書_A棟.pdf", 3, 3, true},
            {"工事請負契約書_B棟.pdf", 3, 2, true},
            {"工事請負契約書_C棟.pdf", 3, 1, true},
            {"重要事項説明書.pdf", 2, 0, false},
            {"見積書_2026-11.pdf", 1, 1, false},
            {"工程表_第3版.pdf", 0, 0, false},
        };
        for (const auto& row : files) {
            api::FileEntry file
                = fileEntry(QStringLiteral("d1"), QString::fromUtf8(row.name), row.required, row.signedCount);
            file.signOrdered = row.ordered;
            m_files.append(file);
        }
    }

    QList<api::ProcessingResult> results() const
    {
        QList<api::ProcessingResult> trail;
        const struct
        {
            const char* user;
            api::ProcessingResult::Action action;
            const char* file;
            bool ok;
            const char* code;
            int version;
        } rows[] = {
            {"u0002", api::ProcessingResult::Action::Sign, "工事請負契約書_A棟.pdf", true, "", 2},
            {"u0003", api::ProcessingResult::Action::Sign, "工事請負契約書_A棟.pdf", true, "", 3},
            {"u0001", api::ProcessingResult::Action::Sign, "工事請負契約書_A棟.pdf", true, "", 4},
            {"u0003", api::ProcessingResult::Action::Sign, "工事請負契約書_C棟.pdf", false, "E3011", 1},
            {"u0004", api::ProcessingResult::Action::View, "重要事項説明書.pdf", true, "", 1},
            {"u0002", api::ProcessingResult::Action::Sign, "工事請負契約書_B棟.pdf", false, "E3009", 2},
            {"u0001", api::ProcessingResult::Action::View, "見積書_2026-11.pdf", true, "", 1},
            {"admin", api::ProcessingResult::Action::Register, "工程表_第3版.pdf", true, "", 1},
            {"admin", api::ProcessingResult::Action::Register, "重要事項説明書.pdf", true, "", 1},
        };
        int minute = 0;
        for (const auto& row : rows) {
            api::ProcessingResult result;
            result.occurredAt = QDateTime(QDate(2026, 11, 21), QTime(17, 45)).addSecs(-60 * 37 * minute++);
            result.userId = QString::fromUtf8(row.user);
            result.userName = const_cast<DemoAdminService*>(this)->findUser(result.userId)->userName;
            result.folderName = m_folders.isEmpty() ? QString() : m_folders.first().name;
            result.fileName = QString::fromUtf8(row.file);
            result.action = row.action;
            result.succeeded = row.ok;
            result.errorCode = QString::fromUtf8(row.code);
            result.version = row.version;
            result.client = QStringLiteral("Ikkatsu/0.1.0 (desktop)");
            trail.append(result);
        }
        return trail;
    }

    QList<api::UserInfo> m_users;
    QList<api::CertificateInfo> m_certificates;
    QList<api::FolderInfo> m_folders;
    QList<api::FileEntry> m_files;
};

QString g_outDir;
int g_failures = 0;

void save(QWidget* widget, const QString& name)
{
    QCoreApplication::processEvents();
    QTest::qWait(150);
    const QString path = g_outDir + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        ++g_failures;
        return;
    }
    std::printf("%s\n", qPrintable(path));
}

bool waitFor(const std::function<bool()>& condition, const char* what)
{
    if (QTest::qWaitFor(condition, 30000))
        return true;
    std::fprintf(stderr, "timed out waiting for %s\n", what);
    ++g_failures;
    return false;
}

template<typename T>
T* find(QObject* root, const char* name)
{
    T* found = root->findChild<T*>(QLatin1String(name));
    if (!found) {
        std::fprintf(stderr, "no widget %s\n", name);
        std::exit(2);
    }
    return found;
}

void makeFiles(const QString& root, const QString& otherKeyStore, const QString& pin)
{
    const QStringList folders {
        QStringLiteral("建築確認申請"), QStringLiteral("工事請負契約"), QStringLiteral("設計図面")};
    for (const QString& folder : folders)
        QDir(root).mkpath(folder);
    test::writeAll(root + QStringLiteral("/建築確認申請/.required-signers"), "2");
    test::writeAll(root + QStringLiteral("/工事請負契約/.required-signers"), "2");
    const QStringList names {QStringLiteral("建築確認申請/確認申請書_第1号.pdf"),
        QStringLiteral("建築確認申請/確認申請書_第2号.pdf"), QStringLiteral("建築確認申請/確認申請書_第3号.pdf"),
        QStringLiteral("建築確認申請/構造計算書.pdf"), QStringLiteral("工事請負契約/請負契約書_A棟.pdf"),
        QStringLiteral("工事請負契約/請負契約書_B棟.pdf"), QStringLiteral("設計図面/配置図.pdf"),
        QStringLiteral("設計図面/平面図_1階.pdf"), QStringLiteral("設計図面/立面図.pdf")};
    for (int i = 0; i < names.size(); ++i) {
        const QString path = root + QLatin1Char('/') + names[i];
        test::writeSamplePdf(path, QFileInfo(path).completeBaseName(), 1 + i % 3);
        if (i % 3 == 1)
            (void)test::signWithKeyStore(path, otherKeyStore, pin);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Ikkatsu"));
    QStandardPaths::setTestModeEnabled(true); // the resume journal goes to a test location
    installTranslations(QStringLiteral("ja"));
    applyStyle(app);
    g_outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    QDir().mkpath(g_outDir);

    QTemporaryDir work;
    const QString pin = QStringLiteral("Secret123");
    const QString otherStore = work.filePath(QStringLiteral("other.p12"));
    (void)test::makeSelfSignedKeyStore(
        otherStore, pin, QStringLiteral("Ichiro Kanrisha"), QStringLiteral("AAA Corporation"));
    const QString files = work.filePath(QStringLiteral("files"));
    makeFiles(files, otherStore, pin);
    CaIdentity identity;
    identity.commonName = QStringLiteral("Ikkatsu Issuing CA");
    identity.organization = QStringLiteral("Ikkatsu Trust Services");
    auto ca = CertificateAuthority::loadOrCreate(
        work.filePath(QStringLiteral("ca.key")), work.filePath(QStringLiteral("ca.pem")), identity);
    if (!ca.ok()) {
        std::fprintf(stderr, "no CA: %s\n", qPrintable(ca.error().detail));
        return 2;
    }

    Settings settings(QString(), work.filePath(QStringLiteral("user.conf")));
    (void)settings.setValue(SettingKey::ServerUrl, QStringLiteral("https://sign.example.jp"));
    (void)settings.setValue(SettingKey::KeyStoreDirectory, work.filePath(QStringLiteral("keys")));
    (void)settings.setValue(SettingKey::LastUserId, QStringLiteral("u0001"));
    DemoAccountService accounts(&ca.value());
    MainWindow window(&settings, &accounts,
        [files](const UserProfile& user) { return std::make_unique<LocalFolderFileSource>(files, user.nameRoman); });
    window.resize(MainWindow::preferredSize());
    window.show();
    window.loginPage()->reset();
    (void)QTest::qWaitForWindowExposed(&window);
    save(&window, QStringLiteral("01-login"));

    auto* password = find<QLineEdit>(&window, "passwordEdit");
    QTest::keyClicks(password, QStringLiteral("wrong"));
    QTest::keyClick(password, Qt::Key_Return);
    waitFor([&] { return find<QLabel>(&window, "loginError")->isVisible(); }, "login error");
    save(&window, QStringLiteral("02-login-error"));

    QTest::keyClicks(password, QStringLiteral("password-1"));
    QTest::keyClick(password, Qt::Key_Return);
    waitFor([&] { return window.currentScreen() == MainWindow::Screen::Otp; }, "OTP page");
    QTest::keyClicks(find<QLineEdit>(&window, "otpEdit"), QStringLiteral("123456"));
    save(&window, QStringLiteral("03-one-time-password"));

    QTest::keyClick(find<QLineEdit>(&window, "otpEdit"), Qt::Key_Return);
    waitFor([&] { return window.currentScreen() == MainWindow::Screen::Setup; }, "setup");
    save(&window, QStringLiteral("04-setup-choice"));
    QTest::mouseClick(find<QPushButton>(&window, "choiceNextButton"), Qt::LeftButton);
    save(&window, QStringLiteral("05-setup-user-info"));
    accounts.holdCertificate = true;
    QTest::mouseClick(find<QPushButton>(&window, "userInfoNextButton"), Qt::LeftButton);
    waitFor([&] { return find<QProgressBar>(&window, "setupProgress")->value() == 1; }, "CSR sent");
    save(&window, QStringLiteral("06-setup-waiting"));
    accounts.release();
    waitFor([&] { return window.setupWizard()->currentStep() == CertificateSetupWizard::PinStep; }, "PIN step");
    QTest::keyClicks(find<QLineEdit>(&window, "newPinEdit"), pin);
    QTest::keyClicks(find<QLineEdit>(&window, "confirmPinEdit"), QStringLiteral("Secret12"));
    QTest::mouseClick(find<QPushButton>(&window, "registerButton"), Qt::LeftButton);
    save(&window, QStringLiteral("07-setup-pin-mismatch"));
    find<QLineEdit>(&window, "newPinEdit")->clear();
    QTest::keyClicks(find<QLineEdit>(&window, "newPinEdit"), pin);
    QTest::keyClicks(find<QLineEdit>(&window, "confirmPinEdit"), pin);
    save(&window, QStringLiteral("08-setup-pin"));
    QTest::mouseClick(find<QPushButton>(&window, "registerButton"), Qt::LeftButton);
    waitFor([&] { return window.setupWizard()->currentStep() == CertificateSetupWizard::DoneStep; }, "done step");
    save(&window, QStringLiteral("09-setup-done"));

    QSignalSpy listed(window.myPage(), &MyPage::listed);
    QTest::mouseClick(find<QPushButton>(&window, "nextProcessButton"), Qt::LeftButton);
    waitFor([&] { return listed.count() >= 1; }, "file list");
    auto* table = find<QTableView>(&window, "fileTable");
    table->selectRow(0);
    table->selectionModel()->select(
        table->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    save(&window, QStringLiteral("10-my-page"));

    QTest::mouseClick(find<QToolButton>(&window, "navServiceTop"), Qt::LeftButton);
    waitFor([&] { return !find<QLabel>(&window, "pendingLabel")->text().contains(QStringLiteral("集計中")); },
        "pending count");
    save(&window, QStringLiteral("11-service-top"));

    QTest::mouseClick(find<QToolButton>(&window, "navMyPage"), Qt::LeftButton);
    waitFor([&] { return listed.count() >= 2; }, "file list again");
    auto* quick = find<QLineEdit>(&window, "quickSearchEdit");
    test::typeText(quick, QStringLiteral("見積書"));
    QTest::keyClick(quick, Qt::Key_Return);
    waitFor([&] { return listed.count() >= 3; }, "empty list");
    save(&window, QStringLiteral("12-my-page-empty"));
    QTest::mouseClick(find<QPushButton>(&window, "clearButton"), Qt::LeftButton);
    quick->clear();
    QTest::mouseClick(find<QPushButton>(&window, "searchButton"), Qt::LeftButton);
    waitFor([&] { return listed.count() >= 4; }, "list after clear");

    // The viewer on a file that another signer has signed.
    int signedRow = -1;
    for (int row = 0; row < window.myPage()->model()->rowCount(); ++row) {
        if (window.myPage()->model()->entry(row).status != api::SignatureStatus::Unsigned)
            signedRow = row;
    }
    if (signedRow >= 0) {
        emit window.myPage()->viewRequested(window.myPage()->model()->entry(signedRow));
        waitFor([&] { return window.viewer() && window.viewer()->signatureTable()->rowCount() > 0; }, "viewer");
        save(window.viewer(), QStringLiteral("13-viewer"));
        window.viewer()->close();
    }

    // 一括電子署名 over every pending file.
    table->selectAll();
    const QList<FileEntry> selected = window.myPage()->selectedEntries();
    BatchSignDialog dialog(window.fileSource(), window.keyStoreFile(), selected, &window);
    // The user's 印影 (DemoAccountService::seal): a 丸印 at the top right of the first page.
    dialog.setSeal(accounts.seal, accounts.user().userId, accounts.user().userName, accounts.user().company);
    dialog.resize(QSize(1100, 680).boundedTo(MainWindow::preferredSize()));
    dialog.show();
    (void)QTest::qWaitForWindowExposed(&dialog);
    auto* batchPin = find<QLineEdit>(&dialog, "batchPinEdit");
    waitFor([&] { return batchPin->isEnabled(); }, "pre-flight");
    save(&dialog, QStringLiteral("14-batch-confirm"));
    QTest::keyClicks(batchPin, QStringLiteral("Wrong999"));
    QTest::keyClick(batchPin, Qt::Key_Return);
    waitFor([&] { return find<QLabel>(&dialog, "batchPinError")->isVisible(); }, "wrong PIN");
    save(&dialog, QStringLiteral("15-batch-wrong-pin"));
    QSignalSpy finished(&dialog, &BatchSignDialog::batchFinished);
    QTest::keyClicks(batchPin, pin);
    QTest::keyClick(batchPin, Qt::Key_Return);
    waitFor([&] { return finished.count() == 1; }, "batch end");
    save(&dialog, QStringLiteral("16-batch-result"));
    dialog.accept();

    // A file of the batch in the viewer: the seal on the page where the user's settings put it.
    {
        auto sealed = window.fileSource()->view(selected.at(0).fileId);
        waitFor([&] { return sealed.isFinished(); }, "signed file");
        if (sealed.resultCount() > 0 && sealed.result().ok()) {
            FileViewer viewer;
            viewer.resize(QSize(1100, 700).boundedTo(MainWindow::preferredSize()));
            viewer.open(sealed.result()->localPath, selected.at(0).name, {});
            viewer.show();
            (void)QTest::qWaitForWindowExposed(&viewer);
            waitFor([&] { return viewer.signatureTable()->rowCount() > 0; }, "sealed viewer");
            QTest::qWait(300);
            // The viewer draws the seal from its display copy (widgets shown as stamps); the page as poppler prints
            // it, at 100 % of the page's points times the device pixel ratio, for comparison.
            save(&viewer, QStringLiteral("16-viewer-signed"));
            const int dpi = qRound(72 * viewer.devicePixelRatioF());
            const QString prefix = g_outDir + QStringLiteral("/16-page-seal");
            const test::ToolRun run = test::runTool(QStringLiteral("pdftoppm"),
                {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), QStringLiteral("-singlefile"),
                    QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                    sealed.result()->localPath, prefix});
            if (run.exitCode != 0)
                ++g_failures;
            else
                std::printf("%s.png\n", qPrintable(prefix));
        }
    }

    // An interrupted batch: My Page offers to resume it.
    BatchJournal(QStringLiteral("u0001")).write({selected.at(0).fileId, selected.at(1).fileId});
    QTest::mouseClick(find<QToolButton>(&window, "navMyPage"), Qt::LeftButton);
    table->clearSelection();
    save(&window, QStringLiteral("17-my-page-resume"));
    BatchJournal(QStringLiteral("u0001")).clear();

    QTest::mouseClick(find<QToolButton>(&window, "navProfile"), Qt::LeftButton);
    save(&window, QStringLiteral("18-profile"));
    // Its 印影 section, scrolled into view: the settings and the preview drawn by the seal's own code.
    auto* sealBox = find<QWidget>(&window, "sealBox");
    waitFor([&] { return find<QPushButton>(&window, "saveSealButton")->isEnabled(); }, "seal settings");
    if (auto* scroll = qobject_cast<QScrollArea*>(sealBox->parentWidget()->parentWidget()->parentWidget()))
        scroll->ensureWidgetVisible(sealBox);
    save(&window, QStringLiteral("18-profile-seal"));
    QTest::mouseClick(find<QToolButton>(&window, "navResults"), Qt::LeftButton);
    QTest::qWait(300);
    save(&window, QStringLiteral("19-results"));
    QTest::mouseClick(find<QToolButton>(&window, "navLogout"), Qt::LeftButton);
    save(&window, QStringLiteral("20-logged-out"));

    // Admin mode: the same app, signed in as an administrator.
    DemoAdminService admin(&ca.value());
    window.setAdminService(&admin);
    accounts.administrator = true;
    QTest::keyClicks(password, QStringLiteral("password-1"));
    QTest::keyClick(password, Qt::Key_Return);
    waitFor([&] { return window.currentScreen() == MainWindow::Screen::Otp; }, "OTP page (admin)");
    QTest::keyClicks(find<QLineEdit>(&window, "otpEdit"), QStringLiteral("123456"));
    QTest::keyClick(find<QLineEdit>(&window, "otpEdit"), Qt::Key_Return);
    waitFor([&] { return window.currentScreen() == MainWindow::Screen::MyPage; }, "My Page (admin)");
    QTest::mouseClick(find<QToolButton>(&window, "navUsers"), Qt::LeftButton);
    UsersPage* users = window.usersPage();
    waitFor([&] { return users->rowCount() > 0; }, "user list");
    QSignalSpy details(users, &UsersPage::detailsShown);
    users->selectUser(QStringLiteral("u0001"));
    waitFor([&] { return details.count() >= 1; }, "user details");
    save(&window, QStringLiteral("21-users"));

    UserFormDialog* form = users->openRegistration();
    waitFor([&] { return form->isVisible(); }, "registration form");
    test::typeText(find<QLineEdit>(form, "userNameEdit"), QStringLiteral("新規 五郎"));
    test::typeText(find<QLineEdit>(form, "companyEdit"), QStringLiteral("FFF 商事株式会社"));
    QTest::keyClicks(find<QLineEdit>(form, "nameRomanEdit"), QStringLiteral("Goro Shinki"));
    QTest::keyClicks(find<QLineEdit>(form, "companyRomanEdit"), QStringLiteral("FFF Trading"));
    QTest::keyClicks(find<QLineEdit>(form, "emailEdit"), QStringLiteral("goro.example.jp"));
    save(form, QStringLiteral("22-user-registration"));
    QTest::mouseClick(find<QPushButton>(form, "userFormSubmitButton"), Qt::LeftButton);
    save(form, QStringLiteral("23-user-registration-error"));
    find<QLineEdit>(form, "emailEdit")->setText(QStringLiteral("goro@fff.example.jp"));
    QTest::mouseClick(find<QPushButton>(form, "userFormSubmitButton"), Qt::LeftButton);
    waitFor([&] { return find<QLabel>(&window, "usersMessage")->isVisible(); }, "registered");
    save(&window, QStringLiteral("24-users-registered"));

    const qsizetype shown = details.count();
    users->selectUser(QStringLiteral("u0001"));
    waitFor([&] { return details.count() > shown; }, "user details again");
    QTest::mouseClick(find<QPushButton>(&window, "lockUserButton"), Qt::LeftButton);
    auto* box = find<QMessageBox>(&window, "adminConfirmDialog");
    waitFor([&] { return box->isVisible(); }, "confirmation");
    save(box, QStringLiteral("25-confirm-lock"));
    box->reject();
    waitFor([&] { return !box->isVisible(); }, "confirmation closed");

    // フォルダ・ファイル管理: a folder's files, one file's signers, then a batch with refused files.
    QTest::mouseClick(find<QToolButton>(&window, "navAdminFiles"), Qt::LeftButton);
    FilesPage* filesPage = window.filesPage();
    waitFor([&] { return filesPage->fileRowCount() > 0; }, "admin file list");
    QSignalSpy fileDetails(filesPage, &FilesPage::detailsShown);
    filesPage->selectFile(1);
    waitFor([&] { return fileDetails.count() >= 1; }, "file signers");
    QTest::keyClicks(find<QLineEdit>(&window, "viewersEdit"), QStringLiteral("u0004"));
    for (const char* id : {"u0002", "u0003", "u0001"}) {
        QTest::keyClicks(find<QLineEdit>(&window, "signerEdit"), QString::fromLatin1(id));
        QTest::keyClick(find<QLineEdit>(&window, "signerEdit"), Qt::Key_Return);
    }
    find<QCheckBox>(&window, "signOrderedCheck")->setChecked(true);
    const QString batch = QDir(g_outDir).filePath(QStringLiteral("batch"));
    QDir().mkpath(batch);
    QStringList batchFiles;
    for (const char* name : {"工事請負契約書_D棟.pdf", "工事請負契約書_E棟.pdf", "工事請負契約書_F棟.pdf",
             "重要事項説明書.pdf", "メモ.pdf"}) {
        const QString path = QDir(batch).filePath(QString::fromUtf8(name));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(QString::fromUtf8(name).startsWith(QStringLiteral("メモ")) ? QByteArrayLiteral("memo\n")
                                                                                  : test::minimalPdf());
        batchFiles.append(path);
    }
    filesPage->addFiles(batchFiles);
    find<QListWidget>(&window, "signersList")->setCurrentRow(1);
    save(&window, QStringLiteral("26-files"));
    QSignalSpy registered(filesPage, &FilesPage::registered);
    filesPage->registerPending();
    waitFor([&] { return registered.count() >= 1 && filesPage->fileRowCount() > 6; }, "registration");
    save(&window, QStringLiteral("27-files-registered"));
    QDir(batch).removeRecursively();

    // 閲覧者・署名者の変更 of a file that is half signed.
    const qsizetype detailsBefore = fileDetails.count();
    filesPage->selectFile(4);
    waitFor([&] { return fileDetails.count() > detailsBefore; }, "file signers again");
    QTest::mouseClick(find<QPushButton>(&window, "editPermissionsButton"), Qt::LeftButton);
    auto* permissions = find<PermissionsDialog>(&window, "permissionsDialog");
    waitFor([&] { return permissions->isVisible(); }, "permissions dialog");
    QSignalSpy usersFound(permissions, &PermissionsDialog::searched);
    find<QLineEdit>(permissions, "permissionSearchEdit")->setText(QStringLiteral("AAA"));
    permissions->search();
    waitFor([&] { return usersFound.count() >= 1; }, "user search");
    find<QListWidget>(permissions, "permissionUserList")->setCurrentRow(0);
    find<QListWidget>(permissions, "permissionSignerList")->setCurrentRow(2);
    save(permissions, QStringLiteral("27b-file-permissions"));
    permissions->reject();

    // 署名欄の配置: the box placed before, and a new one dragged for the next signer who has not signed.
    QTest::mouseClick(find<QPushButton>(&window, "placeBoxesButton"), Qt::LeftButton);
    auto* boxes = find<SignatureBoxDialog>(&window, "signatureBoxDialog");
    waitFor([&] { return boxes->isVisible() && boxes->canvas()->pageCount() > 0; }, "signature box dialog");
    auto* signer = find<QComboBox>(boxes, "placementSignerCombo");
    for (int i = 0; i < signer->count(); ++i) {
        if (signer->itemData(i).toString() != QLatin1String("u0002"))
            signer->setCurrentIndex(i);
    }
    PlacementCanvas* placement = boxes->canvas();
    const QPoint from = placement->fromPdf(0, QPointF(420, 560)).toPoint();
    const QPoint to = placement->fromPdf(0, QPointF(500, 480)).toPoint();
    QTest::mousePress(placement->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(placement->viewport(), to);
    QTest::mouseRelease(placement->viewport(), Qt::LeftButton, {}, to);
    save(boxes, QStringLiteral("27c-signature-boxes"));
    boxes->reject();

    // 全員の処理結果
    QTest::mouseClick(find<QToolButton>(&window, "navAllResults"), Qt::LeftButton);
    AllResultsPage* allResults = window.allResultsPage();
    waitFor([&] { return allResults->rowCount() > 0; }, "everyone's results");
    save(&window, QStringLiteral("28-all-results"));

    // 操作履歴
    QTest::mouseClick(find<QToolButton>(&window, "navAuditTrail"), Qt::LeftButton);
    AuditTrailPage* auditTrail = window.auditTrailPage();
    waitFor([&] { return auditTrail->rowCount() > 0; }, "audit trail");
    save(&window, QStringLiteral("29-audit-trail"));
    return g_failures == 0 ? 0 : 1;
}
