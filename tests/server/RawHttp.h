// Reading a raw HTTP answer from a socket the test wrote bytes to (the hostile-client and request-body tests).
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTcpSocket>

namespace ikkatsu::test {

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
