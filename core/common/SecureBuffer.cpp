// Wiping containers for secrets; explicit_bzero (SecureZeroMemory on Windows) cannot be optimised away.
#include "common/SecureBuffer.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <string.h>
#endif

namespace ikkatsu {

void wipeMemory(void* data, std::size_t size)
{
    if (data && size)
#ifdef _WIN32
        ::SecureZeroMemory(data, size);
#else
        explicit_bzero(data, size);
#endif
}

SecureBuffer::SecureBuffer(std::string_view bytes)
    : m_bytes(bytes)
{ }

SecureBuffer SecureBuffer::fromString(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    SecureBuffer buffer(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    wipeBytes(utf8);
    return buffer;
}

SecureBuffer::~SecureBuffer()
{
    clear();
}

SecureBuffer::SecureBuffer(const SecureBuffer& other)
    : m_bytes(other.m_bytes)
{ }

SecureBuffer& SecureBuffer::operator=(const SecureBuffer& other)
{
    if (this != &other) {
        clear();
        m_bytes = other.m_bytes;
    }
    return *this;
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
{
    // Copy then wipe: moving a short std::string copies its inline buffer and leaves the source intact.
    m_bytes = other.m_bytes;
    other.clear();
}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = other.m_bytes;
        other.clear();
    }
    return *this;
}

void SecureBuffer::clear()
{
    wipeMemory(m_bytes.data(), m_bytes.capacity());
    m_bytes.clear();
}

void wipeString(QString& text)
{
    text.detach();
    wipeMemory(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

void wipeBytes(QByteArray& bytes)
{
    bytes.detach();
    wipeMemory(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

} // namespace ikkatsu
