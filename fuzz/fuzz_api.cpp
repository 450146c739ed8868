// SPDX-License-Identifier: MIT
// libFuzzer target: datasets built through the public types, byte by byte, then Lineage(Dataset)
// and the queries. A hand-built dataset may be anything the types allow; the checking pass must
// refuse what would break a query, with orglineage::Error (ValidationError), and every query on a
// dataset it accepts must answer or throw orglineage::Error. Anything else escaping is a bug.
#include <orglineage/lineage.hpp>
#include <orglineage/suggest.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <new>
#include <string>

using namespace orglineage;

namespace {

/// Reads the input as a stream of small choices.
class Bytes {
  public:
    Bytes(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}
    [[nodiscard]] bool more() const { return m_pos < m_size; }
    std::uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    std::size_t pick(std::size_t n) { return n == 0 ? 0 : byte() % n; }
    /// Ids from a small alphabet, so that references often hit and sometimes miss.
    std::string id() {
        static const char* ids[] = {"a", "b", "c", "d", "", "A1", "A2", "5AA"};
        return ids[pick(8)];
    }
    Date date() { return Date(static_cast<unsigned short>(2000 + pick(10)), 1 + pick(12), 1 + pick(28)); }
    Share share() {
        switch (pick(6)) {
        case 0: return std::nullopt;
        case 1: return std::nan("");
        case 2: return -0.5;
        case 3: return 1.5;
        default: return static_cast<double>(byte()) / 255.0;
        }
    }
    Period period() {
        Period p{date(), std::nullopt};
        if (pick(3) != 0) p.until = date();
        return p;
    }

  private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

Dataset build(Bytes& in) {
    Dataset ds;
    KindInfo pct;
    pct.id = "pct";
    pct.name = "PCT";
    pct.functions = {"commissioning"};
    ds.kinds["pct"] = pct;
    for (std::size_t n = in.pick(3); n > 0; --n) {
        Area a;
        a.code = in.id();
        a.kind = "la";
        a.period = in.period();
        if (in.pick(3) == 0) a.parent = in.id();
        ds.areas.push_back(a);
    }
    for (std::size_t n = in.pick(5); n > 0; --n) {
        Body b;
        b.id = in.id();
        b.kind = in.pick(4) == 0 ? "ccg" : "pct";
        b.period = in.period();
        if (in.pick(4) != 0) b.names.push_back({"name " + b.id, b.period});
        if (in.pick(2) != 0) b.ods.push_back({in.id(), in.period()});
        for (std::size_t c = in.pick(3); c > 0; --c) {
            Coverage cv;
            cv.area = in.id();
            cv.period = in.period();
            cv.share = in.share();
            b.coverage.push_back(cv);
        }
        if (in.pick(2) != 0) {
            Holding h;
            h.function = in.pick(4) == 0 ? "nope" : "commissioning";
            h.period = in.period();
            b.holdings.push_back(h);
        }
        if (in.pick(4) == 0) {
            Membership m;
            m.group = in.id();
            m.period = in.period();
            b.memberships.push_back(m);
        }
        ds.bodies.push_back(b);
    }
    for (std::size_t n = in.pick(4); n > 0; --n) {
        Event ev;
        ev.id = in.id();
        ev.date = in.date();
        ev.kind = static_cast<EventKind>(in.pick(10));
        ev.subjects.push_back(in.id());
        for (std::size_t l = in.pick(3); l > 0; --l) {
            Link link;
            link.from = in.id();
            link.to = in.id();
            link.share = in.share();
            if (in.pick(3) == 0) link.functions.push_back("commissioning");
            ev.links.push_back(link);
        }
        ds.events.push_back(ev);
    }
    return ds;
}

void query(const Lineage& lin, Bytes& in) {
    const Date on = in.date();
    for (const auto& b : lin.dataset().bodies) {
        (void)b.name();
        (void)b.name_on(on);
        (void)lin.successors(b, on, "commissioning");
        (void)lin.predecessors(b, on, "commissioning");
        (void)lin.lineage(b);
        (void)lin.groups(b, on);
    }
    for (const auto& a : lin.dataset().areas) (void)lin.holders("commissioning", a.code, on);
    (void)lin.snapshot(on);
    (void)lin.diff(on, in.date());
    (void)similar_codes(lin, in.id());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    try {
        const Lineage lin(build(in));
        query(lin, in);
    } catch (const orglineage::Error&) {
        // refused or not found: the documented outcomes
    } catch (const std::bad_alloc&) {
    }
    return 0; // anything else escapes and libFuzzer reports it
}
