// Shared by all tests: running external tools (pdfsig, qpdf, openssl) and our own binaries.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ikkatsu::test {

struct ToolRun
{
    int exitCode = -1;
    bool started = false;
    QByteArray out;
    QByteArray err;
    QString all() const { return QString::fromUtf8(out + err); }
};

// Runs `program` with `arguments`, feeding `input` on stdin; waits up to `timeoutMs`.
ToolRun runTool(
    const QString& program, const QStringList& arguments, const QByteArray& input = {}, int timeoutMs = 120000);

// Path of a binary built by this project (e.g. "ikkatsu-cli").
QString builtBinary(const QString& name);

// Independent checks of a signed PDF.
ToolRun pdfsig(const QString& pdfPath); // poppler's pdfsig
ToolRun qpdfCheck(const QString& pdfPath); // qpdf --check
bool isPrefixOf(const QString& prefixPath, const QString& fullPath);

QByteArray readAll(const QString& path);
bool writeAll(const QString& path, const QByteArray& bytes);

} // namespace ikkatsu::test
