// Counters and gauges of the HTTP front, rendered in the Prometheus text format for GET /metrics.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <atomic>

namespace ikkatsu::server {

// Written and read on the HTTP thread only (HttpServer answers and the inline /metrics handler both run there),
// so the counters need no lock; the gauges are atomics because the server sets them from the same thread anyway
// and a worker may read them for logging.
class HttpMetrics
{
public:
    // One answered request: its route template ("unmatched" when none), status and time since it was complete.
    void recordRequest(const QString& route, int status, qint64 nanoseconds);
    // An upload (PUT of a signed version, POST of new files): accepted, or refused with its error code.
    void recordUpload(const QString& codeOrEmpty);
    // A connection refused or cut before a handler ran (E5014 header too large, E5016 timeout, ...).
    void recordRefusal(const QString& code);

    std::atomic<int> openConnections {0};
    std::atomic<int> jobs {0}; // running + queued worker jobs
    std::atomic<int> workers {0};
    std::atomic<bool> draining {false};

    QByteArray text() const;

private:
    static constexpr std::array<double, 12> kBuckets {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};
    struct Histogram
    {
        std::array<quint64, kBuckets.size()> counts {};
        quint64 count = 0;
        double sum = 0;
    };
    QHash<QPair<QString, int>, quint64> m_requests;
    QHash<QString, Histogram> m_latency;
    QHash<QString, quint64> m_uploads; // "" = accepted
    QHash<QString, quint64> m_refusals;
};

} // namespace ikkatsu::server
