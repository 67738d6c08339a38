// The 印影 preview of 本人情報: the seal drawn by the core's own drawing (SealAppearance::paint), on paper white.
#pragma once

#include "pdf/SealAppearance.h"

#include <QWidget>

#include <memory>

namespace ikkatsu::ui {

class SealPreview : public QWidget
{
    Q_OBJECT

public:
    explicit SealPreview(QWidget* parent = nullptr);

    // Shows `seal`; null shows `message` instead (an invisible signature, or why the seal cannot be drawn).
    void setSeal(std::shared_ptr<const pdf::SealAppearance> seal, const QString& message = {});
    const pdf::SealAppearance* seal() const { return m_seal.get(); }
    QString message() const { return m_message; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::shared_ptr<const pdf::SealAppearance> m_seal;
    QString m_message;
};

} // namespace ikkatsu::ui
