// Helpers for tests; every check here calls a real tool, never a stand-in.
#include "TestSupport.h"

#include "TestConfig.h"

#include <QFile>
#include <QProcess>

namespace ikkatsu::test {

ToolRun runTool(const QString& program, const QStringList& arguments, const QByteArray& input, int timeoutMs)
{
    ToolRun run;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return run;
    run.started = true;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

QString builtBinary(const QString& name)
{
    return QStringLiteral(IKKATSU_BINARY_DIR "/app/") + name;
}

ToolRun pdfsig(const QString& pdfPath)
{
    return runTool(QStringLiteral("pdfsig"), {pdfPath});
}

ToolRun qpdfCheck(const QString& pdfPath)
{
    return runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdfPath});
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

bool isPrefixOf(const QString& prefixPath, const QString& fullPath)
{
    const QByteArray prefix = readAll(prefixPath);
    const QByteArray full = readAll(fullPath);
    return !prefix.isEmpty() && full.size() > prefix.size() && full.startsWith(prefix);
}

} // namespace ikkatsu::test
