// Segment-wise matching: literal segments must be equal, "{name}" segments capture one non-empty segment.
#include "http/Router.h"

namespace ikkatsu::server {

void Router::add(
    const QByteArray& method, const QString& pattern, HttpHandler handler, HandlerThread thread, RequestBodyMode body)
{
    m_routes.append(
        {method, pattern, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(handler), thread, body});
}

Router::Match Router::match(const QByteArray& method, const QString& path) const
{
    Match result;
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const Route& route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> parameters;
        bool matched = true;
        for (qsizetype i = 0; i < segments.size() && matched; ++i) {
            const QString& want = route.segments.at(i);
            if (want.startsWith(QLatin1Char('{')) && want.endsWith(QLatin1Char('}')))
                parameters.insert(want.mid(1, want.size() - 2), segments.at(i));
            else
                matched = want == segments.at(i);
        }
        if (!matched)
            continue;
        result.pathKnown = true;
        if (route.method == method || (method == "HEAD" && route.method == "GET")) {
            result.handler = &route.handler;
            result.thread = route.thread;
            result.body = route.body;
            result.pattern = route.pattern;
            result.parameters = std::move(parameters);
            return result;
        }
    }
    return result;
}

} // namespace ikkatsu::server
