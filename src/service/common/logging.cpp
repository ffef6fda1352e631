#include "logging.h"

Q_LOGGING_CATEGORY(lcEndpoint, "mirrorscope.endpoint", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "mirrorscope.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSoap, "mirrorscope.soap", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "mirrorscope.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "mirrorscope.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcState, "mirrorscope.state", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "mirrorscope.simulator", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "mirrorscope.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "mirrorscope.ui", QtInfoMsg)
