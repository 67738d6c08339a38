// Private to core/crypto: the recent verdicts of a pure check (a signature over bytes), by every byte it depends on.
#pragma once

#include <QByteArray>
#include <QHash>

#include <algorithm>
#include <cstddef>
#include <mutex>
#include <optional>

namespace ikkatsu::ossl {

// The same certificates, OCSP answers and CRLs come with every document of a batch and every upload of a user; each
// check is a public-key operation (0.1–1 ms), its result a function of the bytes alone. Thread-safe. Keys hold every
// input byte, each part with its length first, so no two different inputs share one; inputs too large to remember
// (hostile files) are checked every time.
template<typename Verdict>
class VerdictCache
{
public:
    struct Counts
    {
        quint64 hits = 0;
        quint64 misses = 0;
    };

    // A key's parts; empty() when they would pass `maxKeySize`.
    class Key
    {
    public:
        explicit Key(qsizetype maxSize)
            : m_maxSize(maxSize)
        { }
        Key& add(const QByteArray& part)
        {
            if (m_tooLarge || m_bytes.size() + qsizetype(sizeof(quint32)) + part.size() > m_maxSize) {
                m_tooLarge = true;
                m_bytes.clear();
                return *this;
            }
            const auto size = quint32(part.size());
            m_bytes.append(reinterpret_cast<const char*>(&size), sizeof size);
            m_bytes.append(part);
            return *this;
        }
        bool empty() const { return m_tooLarge || m_bytes.isEmpty(); }
        QByteArray take() { return std::move(m_bytes); }

    private:
        qsizetype m_maxSize;
        QByteArray m_bytes;
        bool m_tooLarge = false;
    };

    VerdictCache(std::size_t entries, qsizetype maxKeySize)
        : m_capacity(entries)
        , m_maxKeySize(maxKeySize)
    { }

    Key key() const { return Key(m_maxKeySize); }

    std::optional<Verdict> find(const QByteArray& key)
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_entries.find(key); // every byte compared
        if (found == m_entries.end()) {
            ++m_counts.misses;
            return std::nullopt;
        }
        found->lastUse = ++m_clock;
        ++m_counts.hits;
        return found->verdict;
    }

    void remember(QByteArray key, const Verdict& verdict)
    {
        std::lock_guard lock(m_mutex);
        if (m_entries.contains(key))
            return; // another thread checked the same meanwhile, to the same verdict
        if (std::size_t(m_entries.size()) >= m_capacity) {
            auto oldest = std::min_element(m_entries.begin(), m_entries.end(),
                [](const Entry& a, const Entry& b) { return a.lastUse < b.lastUse; });
            m_entries.erase(oldest);
        }
        m_entries.insert(std::move(key), Entry {verdict, ++m_clock});
    }

    // The check through the cache: `check()` gives the verdict and whether it follows from the key's bytes alone
    // (`settled`; a verdict that depended on something else, e.g. an internal failure, is not remembered).
    template<typename Check>
    Verdict through(Key key, Check check)
    {
        if (key.empty()) {
            bool settled = false;
            return check(&settled);
        }
        QByteArray bytes = key.take();
        if (std::optional<Verdict> known = find(bytes))
            return *std::move(known);
        bool settled = false;
        Verdict verdict = check(&settled);
        if (settled)
            remember(std::move(bytes), verdict);
        return verdict;
    }

    Counts counts()
    {
        std::lock_guard lock(m_mutex);
        return m_counts;
    }

private:
    struct Entry
    {
        Verdict verdict;
        quint64 lastUse = 0;
    };

    std::mutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    std::size_t m_capacity;
    qsizetype m_maxKeySize;
    quint64 m_clock = 0;
    Counts m_counts;
};

} // namespace ikkatsu::ossl
