// A TCP server for client tests that answers as the test tells it: keep-alive, closes, silence, garbage.
#pragma once

#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <functional>

namespace ikkatsu::test {

// A server that hands every request (head and body, by Content-Length) to `answer`, which writes the reply (or not)
// on the socket. Counts the connections it accepted.
class ScriptedServer : public QObject
{
public:
    using Answer = std::function<void(QTcpSocket*, const QByteArray& request, int index)>;

    explicit ScriptedServer(Answer answer)
        : m_answer(std::move(answer))
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                ++accepted;
                ++open;
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    --open;
                    socket->deleteLater();
                });
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }

    QUrl url(const QString& path = QStringLiteral("/x")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }

    int accepted = 0;
    int open = 0;
    int maxOpen = 0;
    QList<QByteArray> requests;

private:
    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        maxOpen = std::max(maxOpen, open);
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray& line : buffer.left(end).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return;
            const QByteArray request = buffer.left(end + 4 + length);
            buffer.remove(0, request.size());
            requests.append(request);
            m_answer(socket, request, int(requests.size()) - 1);
        }
    }

    QTcpServer m_server;
    Answer m_answer;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace ikkatsu::test
