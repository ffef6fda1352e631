#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <utility>

// RAII for OpenSSL objects. OpenSslPtr owns a short-lived object; OpenSslRef shares a
// reference-counted one (EVP_PKEY, X509), so value classes copy by up-ref, not by copying keys.
namespace ms {

template <auto Free> struct OpenSslDeleter
{
    template <typename T> void operator()(T *p) const noexcept { Free(p); }
};

template <typename T, auto Free> using OpenSslPtr = std::unique_ptr<T, OpenSslDeleter<Free>>;

using BioPtr = OpenSslPtr<BIO, BIO_free_all>;
using BnPtr = OpenSslPtr<BIGNUM, BN_clear_free>;
using PKeyPtr = OpenSslPtr<EVP_PKEY, EVP_PKEY_free>;
using PKeyCtxPtr = OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using MdCtxPtr = OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free>;
using X509Ptr = OpenSslPtr<X509, X509_free>;

/// A shared reference to a reference-counted OpenSSL object; any thread, const use only.
template <typename T, auto UpRef, auto Free> class OpenSslRef final
{
public:
    OpenSslRef() = default;
    /// Takes over the one reference the caller holds.
    static OpenSslRef adopt(T *p) noexcept
    {
        OpenSslRef r;
        r.m_p = p;
        return r;
    }
    /// Adds a reference of its own; the caller keeps theirs.
    static OpenSslRef share(T *p) noexcept
    {
        if (p)
            UpRef(p);
        return adopt(p);
    }
    OpenSslRef(const OpenSslRef &other) noexcept : m_p(other.m_p)
    {
        if (m_p)
            UpRef(m_p);
    }
    OpenSslRef(OpenSslRef &&other) noexcept : m_p(std::exchange(other.m_p, nullptr)) {}
    OpenSslRef &operator=(OpenSslRef other) noexcept
    {
        std::swap(m_p, other.m_p);
        return *this;
    }
    ~OpenSslRef()
    {
        if (m_p)
            Free(m_p);
    }
    T *get() const noexcept { return m_p; }
    explicit operator bool() const noexcept { return m_p != nullptr; }

private:
    T *m_p = nullptr;
};

using PKeyRef = OpenSslRef<EVP_PKEY, EVP_PKEY_up_ref, EVP_PKEY_free>;
using X509Ref = OpenSslRef<X509, X509_up_ref, X509_free>;

} // namespace ms
