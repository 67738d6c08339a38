// A rotating log file behind qInstallMessageHandler: bounded in size, private to the user, one line per message.
#include "common/LogFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRecursiveMutex>

#include <algorithm>
#include <memory>

namespace ikkatsu {

namespace {

struct LogState
{
    LogFileOptions options;
    QFile file;
    QtMessageHandler previous = nullptr;
};

// One lock for the state and its file: messages come from any thread, and a test may uninstall meanwhile.
QRecursiveMutex g_mutex; // recursive: a warning raised while writing (by QFile) comes back here
std::unique_ptr<LogState> g_log;

QString pathOf(const LogFileOptions& options, int generation)
{
    const QString name = generation == 0 ? options.baseName + QStringLiteral(".log")
                                         : QStringLiteral("%1.%2.log").arg(options.baseName).arg(generation);
    return QDir(options.directory).filePath(name);
}

bool openCurrent(LogState& state)
{
    state.file.setFileName(pathOf(state.options, 0));
    if (!state.file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    state.file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

// ikkatsu.log becomes ikkatsu.1.log, ikkatsu.1.log becomes ikkatsu.2.log, …; the oldest beyond keptFiles goes.
void rotate(LogState& state)
{
    state.file.close();
    QFile::remove(pathOf(state.options, state.options.keptFiles));
    for (int generation = state.options.keptFiles - 1; generation >= 0; --generation)
        QFile::rename(pathOf(state.options, generation), pathOf(state.options, generation + 1));
    openCurrent(state);
}

const char* levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "DEBUG";
    case QtInfoMsg:
        return "INFO";
    case QtWarningMsg:
        return "WARN";
    case QtCriticalMsg:
        return "ERROR";
    case QtFatalMsg:
        return "FATAL";
    }
    return "?";
}

// One message, one line: newlines and other control characters become \n, \r, \xHH.
QByteArray escaped(const QString& message)
{
    const QByteArray utf8 = message.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (byte < 0x20 || byte == 0x7f)
            out += "\\x" + QByteArray::number(byte, 16).rightJustified(2, '0');
        else
            out += c;
    }
    return out;
}

void writeMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    QtMessageHandler previous = nullptr;
    {
        const QMutexLocker lock(&g_mutex);
        LogState* state = g_log.get();
        if (!state)
            return;
        previous = state->previous;
        if (state->file.isOpen()) {
            const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' '
                + levelName(type) + ' ' + (context.category ? context.category : "default") + ": " + escaped(message)
                + '\n';
            if (state->file.size() + line.size() > state->options.maxBytes && state->file.size() > 0)
                rotate(*state);
            if (state->file.isOpen()) {
                state->file.write(line);
                state->file.flush();
            }
        }
    }
    if (previous)
        previous(type, context, message);
}

} // namespace

Result<QString> installLogFile(const LogFileOptions& options)
{
    uninstallLogFile();
    LogFileOptions checked = options;
    checked.maxBytes = std::max<qint64>(checked.maxBytes, 1024);
    checked.keptFiles = std::max(checked.keptFiles, 1);
    if (checked.baseName.isEmpty())
        checked.baseName = QStringLiteral("ikkatsu");
    QDir directory(options.directory);
    if (options.directory.isEmpty())
        return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("no log directory"));
    if (!directory.exists()) {
        if (!directory.mkpath(QStringLiteral(".")))
            return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("cannot create ") + options.directory);
        QFile::setPermissions(
            options.directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    auto state = std::make_unique<LogState>();
    state->options = checked;
    if (!openCurrent(*state))
        return makeError(ErrorCode::OutputWriteFailed, QStringLiteral("cannot write ") + pathOf(checked, 0));
    const QString path = state->file.fileName();
    const QMutexLocker lock(&g_mutex);
    g_log = std::move(state);
    g_log->previous = qInstallMessageHandler(writeMessage);
    return path;
}

void uninstallLogFile()
{
    const QMutexLocker lock(&g_mutex);
    if (!g_log)
        return;
    qInstallMessageHandler(g_log->previous);
    g_log.reset();
}

} // namespace ikkatsu
