#pragma once

#include <QtGlobal>

#include <random>

namespace ms {

/// Deterministic pseudo-random numbers for the simulator: the same seed gives the same demo
/// database on every platform (std distributions are not portable, so only the engine is used).
class SimRandom final
{
public:
    explicit SimRandom(quint64 seed) : m_engine(seed) {}
    quint64 next() { return m_engine(); }
    /// Uniform in [0, bound); bound > 0.
    qint64 below(qint64 bound) { return qint64(next() % quint64(bound)); }
    /// Uniform in [low, high], inclusive.
    qint64 between(qint64 low, qint64 high)
    {
        return low + qint64(next() % quint64(high - low + 1));
    }
    bool percent(int chance) { return below(100) < chance; }
    /// Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

private:
    std::mt19937_64 m_engine;
};

} // namespace ms
