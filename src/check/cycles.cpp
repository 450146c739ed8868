// SPDX-License-Identifier: MIT
// Checking that succession links never loop back (a DFS back edge is a cycle).
#include "check/cycles.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>

namespace orglineage::detail {

namespace {
struct CycleFound {
    std::size_t vertex;
};
struct CycleVisitor : boost::default_dfs_visitor {
    template <class Edge, class Graph> void back_edge(Edge e, const Graph& g) const {
        throw CycleFound{boost::source(e, g)};
    }
};
} // namespace

std::optional<std::size_t> find_cycle(std::size_t vertices,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    G g(edges.begin(), edges.end(), vertices);
    try {
        boost::depth_first_search(g, boost::visitor(CycleVisitor{}));
    } catch (const CycleFound& c) {
        return c.vertex;
    }
    return std::nullopt;
}

} // namespace orglineage::detail
