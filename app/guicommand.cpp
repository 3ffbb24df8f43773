// SPDX-License-Identifier: MIT
#include "commands.h"

#include "ui/mainwindow.h"

#include <QApplication>
#include <QLocale>
#include <QTranslator>

int runGui(int& argc, char** argv, const QStringList& args)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CA Lens"));
    QApplication::setOrganizationName(QStringLiteral("calens"));
    QApplication::setApplicationVersion(QStringLiteral(CALENS_VERSION));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("calens"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    calens::MainWindow window;
    QStringList paths;
    bool demo = false;
    for (const QString& a : args) {
        if (a == QLatin1String("--demo"))
            demo = true;
        else if (!a.startsWith(QLatin1String("-")))
            paths << a;
    }
    window.show();
    if (demo)
        window.openDemo();
    else if (!paths.isEmpty())
        window.openPaths(paths);
    return QApplication::exec();
}
