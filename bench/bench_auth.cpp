// Per-call cost of token validation plus response signing (issue #8 target: <= 1 ms per call).

#include "service/auth/applicationtoken.h"
#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/auth/tokenminter.h"
#include "service/auth/tokenvalidator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace ms;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int calls = argc > 1 ? std::atoi(argv[1]) : 2000;
    const RsaPrivateKey superOffice = RsaPrivateKey::generate(2048);
    const RsaPrivateKey application = RsaPrivateKey::generate(2048);
    // Three trusted certificates, as during a rotation; the token's is the last one tried.
    QList<Certificate> trusted;
    for (int i = 0; i < 2; ++i)
        trusted.append(
            Certificate::createSelfSigned(RsaPrivateKey::generate(2048), u"other"_s, {}, {}, 2));
    trusted.append(Certificate::createSelfSigned(superOffice, u"SuperOffice"_s, {}, {}, 2));
    TokenValidator validator({u"bench"_s, trusted, std::chrono::seconds(300), {}});

    std::vector<QByteArray> tokens;
    for (int i = 0; i < calls; ++i) {
        TokenMintOptions mint;
        mint.tenant = u"Cust%1"_s.arg(i % 50);
        mint.applicationId = u"bench"_s;
        mint.nonce = randomNonce();
        tokens.push_back(mintToken(superOffice, mint));
    }
    std::vector<double> micros;
    micros.reserve(calls);
    QElapsedTimer total;
    total.start();
    for (const QByteArray &token : tokens) {
        QElapsedTimer one;
        one.start();
        const auto result = validator.validate(token, true);
        if (!result.ok) {
            std::fprintf(stderr, "bench_auth: token refused: %s\n", qPrintable(result.error));
            return 1;
        }
        const QString signedToken =
            signApplicationToken(application, result.claims.nonce, QDateTime::currentDateTimeUtc());
        if (signedToken.isEmpty())
            return 1;
        micros.push_back(one.nsecsElapsed() / 1000.0);
    }
    const double seconds = total.nsecsElapsed() / 1e9;
    std::sort(micros.begin(), micros.end());
    std::printf("token validation + response signing: %.3f ms per call (median %.3f, p99 %.3f; "
                "%d calls, 3 trusted certificates, 2048-bit keys; target <= 1 ms)\n",
                seconds * 1000.0 / calls, micros[micros.size() / 2] / 1000.0,
                micros[micros.size() * 99 / 100] / 1000.0, calls);
    return 0;
}
