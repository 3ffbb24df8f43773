// SPDX-License-Identifier: MIT
#pragma once

#include "authservice.h"
#include "directoryobjects.h"
#include "emulatorconfig.h"
#include "faultplan.h"
#include "queryservice.h"
#include "tenantstore.h"

#include <QAbstractHttpServer>

#include <map>

class QHttpServerRequest;

namespace calens::emulator {

// Microsoft Graph and the identity platform as formats.md documents them, on 127.0.0.1, for tests and
// demos. Built on QtHttpServer's request parsing; responses are written to the socket by hand so that
// faults (delays, cut bodies, dropped connections) are exact.
class GraphEmulator : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit GraphEmulator(EmulatorConfig config, QObject* parent = nullptr);
    bool addFault(const QString& spec, QString* error) { return m_faults.add(spec, error); }
    bool addQueryFault(const QString& spec, QString* error) { return m_queries.addFault(spec, error); }
    void setBaseUrl(const QByteArray& url) { m_baseUrl = url; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    RawReply route(const QHttpServerRequest& request);
    RawReply signIns(const QHttpServerRequest& request, bool beta);
    RawReply list(const QHttpServerRequest& request, const std::vector<std::string>& items);
    RawReply directoryObject(const QHttpServerRequest& request, const QString& rest, bool beta);
    RawReply servicePrincipals(const QHttpServerRequest& request);
    RawReply audits(const QHttpServerRequest& request);
    RawReply admin(const QHttpServerRequest& request);
    RawReply capture(const QHttpServerRequest& request);
    RawReply page(const QHttpServerRequest& request, const std::vector<std::string>& items, size_t total, size_t offset,
        size_t top, const char* context);

    EmulatorConfig m_config;
    TenantStore m_tenant;
    DirectoryObjects m_objects; // the policies and named locations, as they change
    AuthService m_auth;
    FaultPlan m_faults;
    QueryService m_queries; // Log Analytics and Data Explorer
    QByteArray m_baseUrl;
    std::map<QString, int> m_requests;
    std::vector<std::string> m_captured; // what reached /_emulator/capture: method, Authorization, body
    int m_throttles = 0;
};

} // namespace calens::emulator
