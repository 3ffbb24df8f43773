// SPDX-License-Identifier: MIT
#include "pasteerrordialog.h"

#include "diagnosis/codemeaning.h"
#include "diagnosis/errorfetch.h"
#include "model/dataset.h"
#include "model/signinref.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace calens {

namespace {

QLabel* plainLabel(const QString& objectName)
{
    auto* l = new QLabel;
    l->setObjectName(objectName);
    l->setTextFormat(Qt::PlainText); // the paste is never markup
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString isoTime(int64_t ms)
{
    return QString::fromStdString(formatIso(ms)).replace(QLatin1Char('T'), QLatin1Char(' '));
}

QString byWords(ErrorMatch::By by)
{
    switch (by) {
    case ErrorMatch::By::CorrelationId:
        return QObject::tr("by its correlation ID");
    case ErrorMatch::By::RequestId:
        return QObject::tr("by its request ID");
    case ErrorMatch::By::Time:
        return QObject::tr("by its time (within 5 minutes) and the app, IP address, device and user the error names");
    case ErrorMatch::By::None:
        break;
    }
    return {};
}

} // namespace

PasteErrorDialog::PasteErrorDialog(std::shared_ptr<const Dataset> dataset, QWidget* parent)
    : QDialog(parent)
    , m_dataset(std::move(dataset))
    , m_text(new QPlainTextEdit)
    , m_debounce(new QTimer(this))
    , m_meaning(plainLabel(QStringLiteral("codeMeaning")))
    , m_fields(new QFormLayout)
    , m_matchText(plainLabel(QStringLiteral("matchResult")))
    , m_hintText(new QPlainTextEdit)
    , m_hintBox(new QWidget)
    , m_copied(new QLabel)
    , m_diagnose(new QPushButton(tr("Diagnose")))
    , m_fetch(new QPushButton(tr("Fetch from the tenant…")))
    , m_ownNote(plainLabel(QStringLiteral("ownSignInNote")))
{
    setWindowTitle(tr("Paste an error"));
    setObjectName(QStringLiteral("pasteErrorDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Paste what a user or a job sent you: the error of an app or script (MSAL, Azure SDK), "
                                "the troubleshooting details of the sign-in page, a Power BI or Data Factory refresh "
                                "failure, or a line of a log."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_text->setObjectName(QStringLiteral("errorText"));
    m_text->setAccessibleName(tr("Error text"));
    m_text->setPlaceholderText(tr("AADSTS53003: Access has been blocked by Conditional Access policies. …"));
    m_text->setMinimumHeight(130);
    layout->addWidget(m_text, 1);

    QFont heading = m_meaning->font();
    heading.setBold(true);
    m_meaning->setFont(heading);
    layout->addWidget(m_meaning);
    auto* fieldsBox = new QGroupBox(tr("Read from the error"));
    fieldsBox->setLayout(m_fields);
    layout->addWidget(fieldsBox);
    layout->addWidget(m_matchText);

    auto* hintLayout = new QVBoxLayout(m_hintBox);
    hintLayout->setContentsMargins(0, 0, 0, 0);
    m_hintText->setObjectName(QStringLiteral("fetchHint"));
    m_hintText->setAccessibleName(tr("What to fetch"));
    m_hintText->setReadOnly(true);
    m_hintText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hintText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hintText->setMinimumHeight(150);
    hintLayout->addWidget(m_hintText, 1);
    auto* copies = new QHBoxLayout;
    copies->addWidget(copyButton(tr("Copy the Graph requests"), QStringLiteral("copyGraph"),
        [this] { return m_hint.graphRequests.join(QLatin1Char('\n')); }));
    copies->addWidget(copyButton(tr("Copy the KQL query"), QStringLiteral("copyKql"), [this] { return m_hint.kql; }));
    m_copied->setObjectName(QStringLiteral("copiedNote"));
    copies->addWidget(m_copied);
    copies->addStretch(1);
    m_fetch->setObjectName(QStringLiteral("fetchButton"));
    m_fetch->setToolTip(tr("Sign in to the tenant and fetch only the sign-ins behind this error, with the current "
                           "policies and named locations, then diagnose"));
    connect(m_fetch, &QPushButton::clicked, this, [this] {
        const auto only = fetchOptionsFor(m_error, QDateTime::currentMSecsSinceEpoch());
        if (!only) return;
        const QString window = tr("from %1 to %2 UTC").arg(isoTime(only->sinceMs), isoTime(only->untilMs));
        const QString what = only->correlationId.isEmpty()
            ? tr("Fetching only the sign-ins of the error's time (%1)%2.")
                  .arg(window, only->appId.isEmpty() ? QString() : tr(" to the app %1").arg(only->appId))
            : tr("Fetching only the sign-ins of correlation ID %1, %2.").arg(only->correlationId, window);
        emit fetchRequested(*only, what);
        accept();
    });
    copies->addWidget(m_fetch);
    hintLayout->addLayout(copies);
    m_ownNote->hide();
    hintLayout->addWidget(m_ownNote);
    layout->addWidget(m_hintBox, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_diagnose->setObjectName(QStringLiteral("diagnoseButton"));
    m_diagnose->setDefault(true);
    buttons->addButton(m_diagnose, QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_diagnose, &QPushButton::clicked, this, [this] {
        if (!m_match.found()) return;
        emit diagnoseRequested(int(m_match.row));
        accept();
    });

    // Reading a long paste runs once typing pauses, not on every key.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &PasteErrorDialog::readText);
    connect(m_text, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    setErrorText(QApplication::clipboard()->text().left(kMaxErrorTextChars));
    resize(760, 720);
}

QPushButton* PasteErrorDialog::copyButton(
    const QString& label, const QString& objectName, const std::function<QString()>& text)
{
    auto* b = new QPushButton(label);
    b->setObjectName(objectName);
    connect(b, &QPushButton::clicked, this, [this, text] {
        QApplication::clipboard()->setText(text());
        m_copied->setText(tr("Copied."));
    });
    return b;
}

void PasteErrorDialog::setErrorText(const QString& text)
{
    m_text->setPlainText(text);
    readText();
}

void PasteErrorDialog::setOwnSignIn(bool own)
{
    m_own = own;
    showMatch();
}

void PasteErrorDialog::readText()
{
    m_debounce->stop();
    m_error = parseErrorText(m_text->toPlainText());
    m_match = m_dataset ? matchErrorText(*m_dataset, m_error) : ErrorMatch {};
    m_hint = fetchHintFor(m_error);
    m_copied->clear();
    showExtracted();
    showMatch();
}

void PasteErrorDialog::showExtracted()
{
    QStringList meaning;
    for (int code : m_error.codes) {
        const QString text = codeMeaning(code);
        meaning << QStringLiteral("AADSTS%1: %2").arg(code).arg(text.isEmpty() ? tr("no description known") : text);
    }
    m_meaning->setText(meaning.isEmpty() ? tr("No AADSTS error code in the text.") : meaning.join(QLatin1Char('\n')));
    while (m_fields->rowCount() > 0) m_fields->removeRow(0);
    const auto row = [this](const QString& label, const QString& value) {
        if (value.isEmpty()) return;
        QLabel* v = plainLabel(QString());
        v->setText(value);
        m_fields->addRow(label, v);
    };
    row(tr("Correlation ID"), m_error.correlationId);
    row(tr("Request ID"), m_error.requestId);
    row(tr("Time (UTC)"), m_error.timestampMs == kNoTime ? QString() : isoTime(m_error.timestampMs));
    row(tr("App"), QStringList { m_error.appName, m_error.appId }.join(QLatin1Char(' ')).trimmed());
    row(tr("IP address"), m_error.ipAddress);
    row(tr("Device ID"), m_error.deviceId);
    row(tr("User"), m_error.userHint);
    if (m_fields->rowCount() == 0) row(tr("Nothing"), tr("no correlation ID, request ID, time, app, address or user"));
    if (m_error.truncated) row(tr("Note"), tr("the text is longer than 1 MiB; only its start was read"));
}

void PasteErrorDialog::showMatch()
{
    m_diagnose->setEnabled(m_match.found());
    if (m_match.found()) {
        const SignInRef s = m_dataset->signIn(m_match.row);
        const QString who = qs(s.str(SF::UserPrincipalName)).isEmpty() ? qs(s.str(SF::ServicePrincipalName))
                                                                       : qs(s.str(SF::UserPrincipalName));
        m_matchText->setText(tr("Found the sign-in %1: %2 to %3 at %4, error %5 — %6. Diagnose opens it.")
                                 .arg(qs(s.str(SF::Id)), who.isEmpty() ? tr("someone") : who,
                                     qs(s.str(SF::AppDisplayName)), isoTime(s.createdMs()))
                                 .arg(s.errorCode())
                                 .arg(byWords(m_match.by)));
        m_hintBox->hide();
        return;
    }
    const size_t loaded = m_dataset ? m_dataset->signInCount() : 0;
    QString text = loaded == 0
        ? tr("No sign-ins are loaded, so none can match.")
        : tr("None of the %1 loaded sign-ins matches this error (by correlation ID, by request ID, or by time within "
             "5 minutes with the app, IP address and user).")
              .arg(loaded);
    if (m_hint.isEmpty()) {
        if (m_error.hasAnything()) text += QLatin1Char(' ') + tr("The error names no ID or time to search by.");
        m_matchText->setText(text);
        m_hintBox->hide();
        return;
    }
    m_matchText->setText(text + QLatin1Char(' ')
        + (m_own ? tr("Its log entry has to come from elsewhere:")
                 : tr("Fetch it from the tenant, or run one of these, open the result and paste the error again:")));
    m_fetch->setVisible(!m_own && fetchOptionsFor(m_error, QDateTime::currentMSecsSinceEpoch()).has_value());
    m_ownNote->setVisible(m_own);
    m_ownNote->setText(tr("This is CA Lens's own sign-in, refused by Conditional Access: the same sign-in cannot "
                          "fetch its log. Its entry is in the tenant's sign-in logs (user sign-ins for a device-code "
                          "sign-in, service principal sign-ins for a client secret). Run one of these as an admin "
                          "whose sign-in is allowed, or download it from the sign-in logs in the Microsoft Entra "
                          "admin center, then open the file and paste this error again."));
    m_hintText->setPlainText(tr("Microsoft Graph (beta), one request per kind of sign-in:") + QLatin1Char('\n')
        + m_hint.graphRequests.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
        + tr("Log Analytics or Data Explorer (KQL):") + QLatin1Char('\n') + m_hint.kql);
    m_hintBox->show();
}

} // namespace calens
