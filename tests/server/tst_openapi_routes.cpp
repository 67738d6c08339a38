// docs/api/openapi.yaml must describe every route the server really has, with the right methods, and no others.
#include "Api.h"
#include "TestConfig.h"
#include "TestSupport.h"

#include <QRegularExpression>
#include <QtTest>

using namespace ikkatsu;

class TestOpenApiRoutes : public QObject
{
    Q_OBJECT

private slots:
    void everyRouteIsDocumented();
};

void TestOpenApiRoutes::everyRouteIsDocumented()
{
    const QString yaml = QString::fromUtf8(test::readAll(QStringLiteral(IKKATSU_SOURCE_DIR "/docs/api/openapi.yaml")));
    QVERIFY(!yaml.isEmpty());
    // Path blocks: "  /api/v1/...:" up to the next path or the components section.
    QHash<QString, QSet<QString>> documented;
    QString current;
    for (const QString& line : yaml.split(QLatin1Char('\n'))) {
        static const QRegularExpression pathLine(QStringLiteral("^  (/\\S*):\\s*$"));
        static const QRegularExpression methodLine(QStringLiteral("^    (get|post|patch|put|delete):"));
        if (line.startsWith(QStringLiteral("components:")))
            current.clear();
        const auto path = pathLine.match(line);
        if (path.hasMatch()) {
            current = path.captured(1);
            documented.insert(current, {});
            continue;
        }
        const auto method = methodLine.match(line);
        if (method.hasMatch() && !current.isEmpty())
            documented[current].insert(method.captured(1).toUpper());
    }
    // The routes as the server builds them (handlers are not called, so no context is needed).
    const server::Router router = server::buildApiRoutes(nullptr);
    QHash<QString, QSet<QString>> implemented;
    for (const auto& route : router.routes())
        implemented[route.pattern].insert(QString::fromLatin1(route.method));
    QCOMPARE(documented.keys().size(), implemented.keys().size());
    for (auto it = implemented.cbegin(); it != implemented.cend(); ++it) {
        QVERIFY2(documented.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(documented.value(it.key()), it.value());
    }
}

QTEST_GUILESS_MAIN(TestOpenApiRoutes)
#include "tst_openapi_routes.moc"
