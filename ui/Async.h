// Runs a continuation on the GUI thread when a QFuture finishes, so that screens never wait on work.
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace ikkatsu::ui {

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

} // namespace ikkatsu::ui
