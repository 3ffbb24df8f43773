// SPDX-License-Identifier: MIT
#include "secretwait.h"

#include <QEventLoop>
#include <QTimer>

#include <memory>

namespace calens::graph {

SecretResult waitForSecret(const std::function<void(SecretStore::Done)>& call, int timeoutMs)
{
    struct State
    {
        bool done = false;
        SecretResult result;
        QEventLoop* loop = nullptr;
    };
    auto state = std::make_shared<State>(); // outlives this call when the store answers after the deadline
    QEventLoop loop;
    state->loop = &loop;
    call([state](const SecretResult& r) {
        if (state->done) return;
        state->done = true;
        state->result = r;
        if (state->loop) state->loop->quit();
    });
    if (!state->done) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    state->loop = nullptr;
    if (!state->done) {
        state->done = true; // a late answer is dropped
        state->result = SecretResult {};
        state->result.unavailable = true;
        state->result.error = QStringLiteral("the system keychain did not answer within %1 s").arg(timeoutMs / 1000);
    }
    SecretResult out = state->result;
    state->result.secret.fill(QLatin1Char('\0'));
    return out;
}

} // namespace calens::graph
