// Errors as values: every fallible operation returns Result<T> carrying either a value or an Error.
#pragma once

#include "api/ErrorCode.h"

#include <QString>

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace ikkatsu {

// What went wrong: a code from the one table (api/ErrorCode.h) plus a technical detail for logs.
// The detail never contains secrets (PINs, passwords, keys, OTPs).
struct Error
{
    ErrorCode code = ErrorCode::Unexpected;
    QString detail;

    // "E4001" — what a user reads out to the administrator.
    QString codeText() const { return errorCodeText(code); }
    // The translated user-facing message for the code (the detail is for logs and the CLI).
    QString message() const;
};

inline Error makeError(ErrorCode code, QString detail = {})
{
    return Error {code, std::move(detail)};
}

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_value(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<T>(m_value);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<T>(m_value);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<T>(std::move(m_value));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const
    {
        assert(!ok());
        return std::get<Error>(m_value);
    }

private:
    std::variant<T, Error> m_value;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const
    {
        assert(!ok());
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace ikkatsu

// Propagates the error of an expression returning Result<...>; usable in functions returning any Result.
#define IKK_TRY(expr)                                                                                                  \
    do {                                                                                                               \
        auto&& ikkTryResult_ = (expr);                                                                                 \
        if (!ikkTryResult_.ok())                                                                                       \
            return ikkTryResult_.error();                                                                              \
    } while (false)
