// A batch source with a gate in front of its uploads: a test decides what a cancel meets instead of guessing a time.
#pragma once

#include "client/BatchSource.h"
#include "client/Futures.h"

#include <QFileInfo>
#include <QList>
#include <QObject>
#include <QtTest>

#include <algorithm>
#include <utility>

namespace ikkatsu::test {

// `Base` is a real source (the server's, a local folder): downloads and uploads go to it unchanged, except that
// while `holdUploads` is set an upload is kept back (not sent) until release(). Counts what was under way at once.
template<typename Base>
class HeldUploads : public Base
{
public:
    using Base::Base;

    QFuture<Result<client::BatchDownload>> download(const QString& fileId) override
    {
        ++downloads;
        maxDownloadsInFlight = std::max(maxDownloadsInFlight, ++m_downloadsInFlight);
        auto promise = client::makePromise<Result<client::BatchDownload>>();
        client::whenReady(&m_context, Base::download(fileId), [this, promise](Result<client::BatchDownload> got) {
            --m_downloadsInFlight;
            client::fulfil(promise, std::move(got));
        });
        return promise->future();
    }

    QFuture<Result<api::SignatureStatus>> upload(
        const QString& fileId, const QString& baseVersion, const QString& signedPath) override
    {
        ++uploads;
        maxUploadsInFlight = std::max(maxUploadsInFlight, ++m_uploadsInFlight);
        Held held {fileId, baseVersion, signedPath, client::makePromise<Result<api::SignatureStatus>>()};
        if (holdUploads)
            m_held.append(held);
        else
            forward(held);
        return held.promise->future();
    }

    int heldCount() const { return int(m_held.size()); }
    // Sends every held upload, and lets later ones through.
    void release()
    {
        holdUploads = false;
        for (const Held& held : std::exchange(m_held, {}))
            forward(held);
    }

    bool holdUploads = false;
    int downloads = 0;
    int uploads = 0;
    int maxDownloadsInFlight = 0;
    int maxUploadsInFlight = 0;

private:
    struct Held
    {
        QString fileId;
        QString baseVersion;
        QString signedPath;
        client::SharedPromise<Result<api::SignatureStatus>> promise;
    };

    void forward(const Held& held)
    {
        // The signed copy must still be there when a held request finally goes out.
        QVERIFY2(QFileInfo::exists(held.signedPath), qPrintable(held.signedPath));
        client::whenReady(&m_context, Base::upload(held.fileId, held.baseVersion, held.signedPath),
            [this, promise = held.promise](Result<api::SignatureStatus> uploaded) {
                --m_uploadsInFlight;
                client::fulfil(promise, std::move(uploaded));
            });
    }

    QObject m_context;
    QList<Held> m_held;
    int m_downloadsInFlight = 0;
    int m_uploadsInFlight = 0;
};

} // namespace ikkatsu::test
