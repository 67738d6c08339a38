// Raw HTTP for tests that misbehave as clients: connecting, an upload's head, reading answers (the hostile-client,
// request-body and upload-admission tests).
#pragma once

#include "ServerHarness.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace ikkatsu::test {

// A client that speaks raw bytes, so that it can misbehave exactly as an attacker would.
inline std::unique_ptr<QTcpSocket> rawConnect(
    const TestServer& server, const QHostAddress& from = QHostAddress(QStringLiteral("127.0.0.1")))
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->bind(from, 0);
    socket->connectToHost(QHostAddress::LocalHost, static_cast<quint16>(QUrl(server.baseUrl()).port()));
    if (!socket->waitForConnected(3000))
        return nullptr;
    return socket;
}

// A signed upload's head; `token` null: no Authorization header at all.
inline QByteArray uploadHead(const QString& fileId, const QString& token, qint64 length, const QByteArray& extra = {})
{
    const QByteArray authorization
        = token.isNull() ? QByteArray() : "Authorization: Bearer " + token.toLatin1() + "\r\n";
    return "PUT /api/v1/files/" + fileId.toLatin1() + "/content HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization
        + "Content-Type: application/pdf\r\nIf-Match: \"1\"\r\n" + extra
        + "Content-Length: " + QByteArray::number(length) + "\r\n\r\n";
}

// Everything until the server closes the connection or `ms` passed; `closed` says which.
inline QByteArray readUntilClosed(QTcpSocket& socket, int ms, bool* closed = nullptr)
{
    QByteArray all;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(50);
        all += socket.readAll();
    }
    all += socket.readAll();
    if (closed)
        *closed = socket.state() != QAbstractSocket::ConnectedState;
    return all;
}

// One complete answer on a keep-alive connection (headers plus Content-Length bytes), or what came within `ms`.
inline QByteArray readOneAnswer(QTcpSocket& socket, int ms)
{
    QByteArray all;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        const qsizetype end = all.indexOf("\r\n\r\n");
        if (end >= 0) {
            static const QRegularExpression length(QStringLiteral("(?i)content-length: *(\\d+)"));
            const auto match = length.match(QString::fromLatin1(all.left(end)));
            if (match.hasMatch() && all.size() >= end + 4 + match.captured(1).toInt())
                return all;
        }
        if (!socket.waitForReadyRead(50) && socket.state() != QAbstractSocket::ConnectedState)
            break;
        all += socket.readAll();
    }
    return all;
}

} // namespace ikkatsu::test
