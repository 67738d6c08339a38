// The Prometheus text exposition (version 0.0.4) of the HTTP front's counters, sorted so that scrapes diff cleanly.
#include "http/Metrics.h"

#include <algorithm>

namespace ikkatsu::server {

namespace {

// Label values are our own route templates and codes, but escape them as the format requires anyway.
QByteArray label(const QString& value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

} // namespace

void HttpMetrics::recordRequest(const QString& route, int status, qint64 nanoseconds)
{
    ++m_requests[qMakePair(route, status)];
    Histogram& histogram = m_latency[route];
    const double seconds = static_cast<double>(nanoseconds) / 1e9;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++histogram.counts[i];
    }
    ++histogram.count;
    histogram.sum += seconds;
}

void HttpMetrics::recordUpload(const QString& codeOrEmpty)
{
    ++m_uploads[codeOrEmpty];
}

void HttpMetrics::recordRefusal(const QString& code)
{
    ++m_refusals[code];
}

QByteArray HttpMetrics::text() const
{
    QByteArray out;
    out += "# HELP ikkatsu_http_requests_total Requests answered, by route template and status.\n"
           "# TYPE ikkatsu_http_requests_total counter\n";
    QList<QPair<QString, int>> keys = m_requests.keys();
    std::sort(keys.begin(), keys.end());
    for (const auto& key : keys) {
        out += "ikkatsu_http_requests_total{route=\"" + label(key.first) + "\",status=\""
            + QByteArray::number(key.second) + "\"} " + QByteArray::number(m_requests.value(key)) + '\n';
    }
    out += "# HELP ikkatsu_http_request_duration_seconds Time from a complete request to its answer, by route.\n"
           "# TYPE ikkatsu_http_request_duration_seconds histogram\n";
    QStringList routes = m_latency.keys();
    std::sort(routes.begin(), routes.end());
    for (const QString& route : routes) {
        const Histogram& histogram = m_latency.value(route);
        const QByteArray name = "ikkatsu_http_request_duration_seconds";
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out += name + "_bucket{route=\"" + label(route) + "\",le=\"" + QByteArray::number(kBuckets[i]) + "\"} "
                + QByteArray::number(histogram.counts[i]) + '\n';
        }
        out += name + "_bucket{route=\"" + label(route) + "\",le=\"+Inf\"} " + QByteArray::number(histogram.count)
            + '\n';
        out += name + "_sum{route=\"" + label(route) + "\"} " + QByteArray::number(histogram.sum, 'g', 9) + '\n';
        out += name + "_count{route=\"" + label(route) + "\"} " + QByteArray::number(histogram.count) + '\n';
    }
    out += "# HELP ikkatsu_uploads_total Uploads (signed versions and new files) accepted or refused, by code.\n"
           "# TYPE ikkatsu_uploads_total counter\n";
    out += "ikkatsu_uploads_total{result=\"accepted\",code=\"\"} " + QByteArray::number(m_uploads.value(QString()))
        + '\n';
    QStringList codes = m_uploads.keys();
    std::sort(codes.begin(), codes.end());
    for (const QString& code : codes) {
        if (!code.isEmpty()) {
            out += "ikkatsu_uploads_total{result=\"refused\",code=\"" + label(code) + "\"} "
                + QByteArray::number(m_uploads.value(code)) + '\n';
        }
    }
    out += "# HELP ikkatsu_http_refused_total Connections refused or cut before a handler ran, by code.\n"
           "# TYPE ikkatsu_http_refused_total counter\n";
    codes = m_refusals.keys();
    std::sort(codes.begin(), codes.end());
    for (const QString& code : codes)
        out += "ikkatsu_http_refused_total{code=\"" + label(code) + "\"} " + QByteArray::number(m_refusals.value(code))
            + '\n';
    const int jobCount = jobs.load();
    out += "# HELP ikkatsu_worker_queue_depth Jobs waiting for a worker thread.\n"
           "# TYPE ikkatsu_worker_queue_depth gauge\n"
           "ikkatsu_worker_queue_depth "
        + QByteArray::number(std::max(0, jobCount - workers.load())) + '\n';
    out += "# HELP ikkatsu_worker_jobs Jobs running or waiting on the worker pool.\n"
           "# TYPE ikkatsu_worker_jobs gauge\n"
           "ikkatsu_worker_jobs "
        + QByteArray::number(jobCount) + '\n';
    out += "# HELP ikkatsu_http_open_connections Open client connections.\n"
           "# TYPE ikkatsu_http_open_connections gauge\n"
           "ikkatsu_http_open_connections "
        + QByteArray::number(openConnections.load()) + '\n';
    out += "# HELP ikkatsu_draining 1 while the server drains after SIGTERM.\n"
           "# TYPE ikkatsu_draining gauge\n"
           "ikkatsu_draining "
        + QByteArray(draining.load() ? "1" : "0") + '\n';
    return out;
}

} // namespace ikkatsu::server
