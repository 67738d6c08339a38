// Runs a continuation on the GUI thread when a QFuture finishes, so that screens never wait on work.
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace ikkatsu::ui {

// Calls `done(result)` in `context`'s thread when `future` finishes; nothing happens if `context` died first.
template<typename T, typename Done>
void whenReady(QObject* context, QFuture<T> future, Done done)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        done(watcher->future().result());
    });
    watcher->setFuture(std::move(future));
}

} // namespace ikkatsu::ui
