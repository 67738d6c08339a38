// libFuzzer harness: HttpResponseParser alone (what a hostile server or a man in the middle sends the client). The
// input is fed in pieces whose sizes come from its first byte, then closed if the second byte is odd; the outcome
// (error or not, status, completeness, body, keep-alive) must not depend on how the bytes arrived, a body never
// exceeds its limit, and a finished response takes no more bytes.
#include "client/HttpResponseParser.h"

#include <cstdint>
#include <cstdlib>

using namespace ikkatsu;
using namespace ikkatsu::client;

namespace {

struct Outcome
{
    QByteArray text;
};

Outcome run(QByteArrayView bytes, qsizetype step, bool close, bool head)
{
    HttpResponseParser::Limits limits;
    limits.maxHeadBytes = 2048;
    limits.maxHeaderFields = 16;
    limits.maxBodyBytes = 4096;
    HttpResponseParser parser(head, limits);
    Status status;
    for (qsizetype offset = 0; offset < bytes.size() && status.ok(); offset += step)
        status = parser.feed(bytes.sliced(offset, std::min(step, bytes.size() - offset)));
    if (status.ok() && close)
        status = parser.closed();
    if (status.ok() && parser.complete() && parser.feed("x").ok())
        std::abort(); // nothing is taken after a complete response
    const QByteArray body = parser.takeBody();
    if (body.size() > limits.maxBodyBytes)
        std::abort();
    Outcome outcome;
    outcome.text = status.ok() ? QByteArray("ok ") : QByteArray("error ");
    if (status.ok())
        outcome.text += QByteArray::number(parser.status()) + ' ' + QByteArray::number(parser.complete()) + ' '
            + QByteArray::number(parser.keepAlive()) + ' ' + body;
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    const qsizetype step = 1 + data[0] % 17;
    const bool close = data[1] & 1;
    const bool head = data[1] & 2;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data) + 2, static_cast<qsizetype>(size - 2));
    const Outcome pieces = run(bytes, step, close, head);
    const Outcome whole = run(bytes, std::max<qsizetype>(1, bytes.size()), close, head);
    if (pieces.text != whole.text)
        std::abort(); // how the bytes arrive must not change what they mean
    return 0;
}
