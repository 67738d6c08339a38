// The one bridge between callbacks and QFuture<Result<T>>: a shared promise fulfilled once, and whenReady.
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>

#include <memory>
#include <utility>

namespace ikkatsu::client {

template<typename T>
using SharedPromise = std::shared_ptr<QPromise<T>>;

template<typename T>
SharedPromise<T> makePromise()
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    return promise;
}

template<typename T>
void fulfil(const SharedPromise<T>& promise, T value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

// Calls `done(result)` in `context`'s thread when `future` finishes; nothing happens if `context` died first, nor
// when the future ends without a result (its source was destroyed, e.g. the file source of a session that ended
// at logout while the request was under way).
template<typename T, typename Done>
void whenReady(QObject* context, QFuture<T> future, Done done)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0)
            return;
        done(watcher->future().result());
    });
    watcher->setFuture(std::move(future));
}

} // namespace ikkatsu::client
