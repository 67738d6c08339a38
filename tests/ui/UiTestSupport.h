// Shared by the GUI tests and the screenshot renderer: sample PDFs, a local key store, widget lookup.
#pragma once

#include "common/Result.h"

#include <QApplication>
#include <QString>
#include <QWidget>

namespace ikkatsu::test {

// A PDF of `pages` pages with a Japanese title, drawn with QPdfWriter (a real PDF that Qt PDF renders).
bool writeSamplePdf(const QString& path, const QString& title, int pages = 1);

// A PIN-protected key store with a self-signed certificate for `commonName`.
Status makeSelfSignedKeyStore(
    const QString& path, const QString& pin, const QString& commonName, const QString& company);

// Signs `path` in place with the key store (as another signer would have done before us).
Status signWithKeyStore(const QString& path, const QString& keyStorePath, const QString& pin);

// Types `text` key by key, including characters QTest::keyClicks cannot (kana, kanji).
void typeText(QWidget* widget, const QString& text);

// The child named `name` of `root`, of type T; null (and a warning naming it) when missing.
template<typename T>
T* child(const QObject* root, const QString& name)
{
    T* found = root->findChild<T*>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

} // namespace ikkatsu::test
