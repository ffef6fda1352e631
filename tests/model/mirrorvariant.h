#pragma once

// One model test source, two executables: built with MS_TEST_POSTGRES it reads mirrors built by
// hand in the PostgreSQL server of MIRRORSCOPE_TEST_PG (labels integration;postgres), otherwise
// SQLite mirror files made through the store.

#include "modeltestsupport.h"

#ifdef MS_TEST_POSTGRES
#include "pgmirrortestsupport.h"
#endif

namespace modeltest {

#ifdef MS_TEST_POSTGRES
using TestMirror = PgMirrorDir;
inline constexpr bool IsPostgres = true;
/// A tenant id of this run (random suffix on a shared server).
inline QString testTenant(const QString &name)
{
    return uniqueTenant(name);
}
#else
using TestMirror = MirrorDir;
inline constexpr bool IsPostgres = false;
inline QString testTenant(const QString &name)
{
    return name;
}
#endif

} // namespace modeltest

/// In initTestCase: the PostgreSQL variant skips (or fails under MIRRORSCOPE_REQUIRE_PG=1)
/// without a server; the SQLite one always runs.
#ifdef MS_TEST_POSTGRES
#define MS_REQUIRE_TEST_MIRRORS() MS_REQUIRE_POSTGRES()
#else
#define MS_REQUIRE_TEST_MIRRORS()                                                                  \
    do {                                                                                           \
    } while (false)
#endif
