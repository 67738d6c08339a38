// A byte buffer for secrets (PINs, passwords, key material) that is wiped when it dies.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <string>

namespace ikkatsu {

// Overwrites memory so that the compiler cannot elide it.
void wipeMemory(void* data, std::size_t size);

// Owns its bytes (never implicitly shared like QByteArray), wipes them on destruction and on move-from.
class SecureBuffer
{
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::string_view bytes);
    // Takes the UTF-8 of `text`; the caller should wipe its QString when it can (see wipeString).
    static SecureBuffer fromString(const QString& text);
    ~SecureBuffer();

    SecureBuffer(const SecureBuffer& other);
    SecureBuffer& operator=(const SecureBuffer& other);
    SecureBuffer(SecureBuffer&& other) noexcept;
    SecureBuffer& operator=(SecureBuffer&& other) noexcept;

    const char* data() const { return m_bytes.data(); }
    char* data() { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.empty(); }
    // A NUL-terminated view, for C APIs that take passwords as C strings.
    const char* c_str() const { return m_bytes.c_str(); }
    std::string_view view() const { return m_bytes; }

    void clear();

private:
    std::string m_bytes;
};

// Overwrites a QString's characters in place (detaching first so that no shared copy is touched).
void wipeString(QString& text);
void wipeBytes(QByteArray& bytes);

} // namespace ikkatsu
