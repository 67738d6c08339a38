// libFuzzer harness: RequestParser alone, without sockets. The input is fed in pieces whose sizes come from its first
// byte, and the invariants a connection relies on are checked: bodies are exactly Content-Length bytes, a head never
// exceeds the byte and field limits, an error consumes nothing more, and the same bytes parse the same way whole.
#include "http/RequestParser.h"

#include <cstdint>
#include <cstdlib>

using namespace ikkatsu;
using namespace ikkatsu::server;

namespace {

struct Trace
{
    QList<QByteArray> events; // "H <method> <target> <length>", "B <bytes>", "C", "E <code>"
};

Trace run(QByteArrayView bytes, qsizetype step)
{
    const RequestParser::Limits limits {2048, 16};
    RequestParser parser(limits);
    Trace trace;
    qint64 bodyLeft = 0;
    QByteArray body;
    for (qsizetype offset = 0; offset < bytes.size(); offset += step) {
        QByteArrayView input = bytes.sliced(offset, std::min(step, bytes.size() - offset));
        for (;;) {
            QByteArrayView data;
            const qsizetype before = input.size();
            const RequestParser::Event event = parser.next(&input, &data);
            if (event == RequestParser::Event::NeedMore) {
                if (!input.isEmpty())
                    std::abort(); // NeedMore means everything was taken
                break;
            }
            if (event == RequestParser::Event::Head) {
                const RequestHead& head = parser.head();
                if (head.headBytes > limits.maxHeaderBytes || head.headers.size() > limits.maxHeaderCount
                    || head.contentLength < 0 || head.method.isEmpty() || head.target.isEmpty())
                    std::abort();
                bodyLeft = head.contentLength;
                trace.events.append("H " + head.method + ' ' + head.target + ' ' + QByteArray::number(bodyLeft));
            } else if (event == RequestParser::Event::Body) {
                if (data.isEmpty() || data.size() > bodyLeft || before - input.size() != data.size())
                    std::abort();
                bodyLeft -= data.size();
                body += data.toByteArray();
            } else if (event == RequestParser::Event::Complete) {
                if (bodyLeft != 0)
                    std::abort();
                trace.events.append("B " + body);
                trace.events.append("C");
                body.clear();
            } else {
                QByteArrayView again = input;
                if (parser.next(&again, &data) != RequestParser::Event::Error || again.size() != input.size())
                    std::abort(); // an error is final and consumes nothing
                trace.events.append("E " + errorCodeText(parser.error()).toLatin1());
                return trace;
            }
        }
    }
    return trace;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype step = 1 + data[0] % 17;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));
    const Trace pieces = run(bytes, step);
    const Trace whole = run(bytes, std::max<qsizetype>(1, bytes.size()));
    if (pieces.events != whole.events)
        std::abort(); // how the bytes arrive must not change what they mean
    return 0;
}
