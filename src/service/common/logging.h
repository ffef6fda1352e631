#pragma once

#include <QLoggingCategory>

// One category per area, so that users can turn areas on with QT_LOGGING_RULES.
// Never log a token signature, a private key or a full token (issue #9).
Q_DECLARE_LOGGING_CATEGORY(lcEndpoint) // mirrorscope.endpoint
Q_DECLARE_LOGGING_CATEGORY(lcHttp)     // mirrorscope.http
Q_DECLARE_LOGGING_CATEGORY(lcSoap)     // mirrorscope.soap
Q_DECLARE_LOGGING_CATEGORY(lcAuth)     // mirrorscope.auth
Q_DECLARE_LOGGING_CATEGORY(lcStore)    // mirrorscope.store
Q_DECLARE_LOGGING_CATEGORY(lcState)    // mirrorscope.state
Q_DECLARE_LOGGING_CATEGORY(lcSim)      // mirrorscope.simulator
Q_DECLARE_LOGGING_CATEGORY(lcModel)    // mirrorscope.model
Q_DECLARE_LOGGING_CATEGORY(lcUi)       // mirrorscope.ui
