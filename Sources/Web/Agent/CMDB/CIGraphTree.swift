import Domain
import Services

/// An item's neighbourhood (`ConfigItemService.graph`) as a tree for nested lists: each item appears once, under
/// the item through which the walk from the centre reached it first, with the relation read from its parent's side.
/// Relations between items that the tree does not show as parent and child are listed apart.
struct CIGraphTree {
    let graph: CIGraph
    let labels: CMDBLabels
    let classNames: [Int64: String]

    /// `root` (the centre with its `children`, each child the same shape) and `crossLinks`.
    func view(centre: Int64) -> [String: Any] {
        let nodes = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0) })
        var placed: Set<Int64> = [centre]
        var treeEdges: Set<Int64> = []
        var children: [Int64: [(edge: CIGraph.Edge, child: Int64)]] = [:]
        var frontier = [centre]
        while !frontier.isEmpty {
            var next: [Int64] = []
            for parent in frontier {
                for edge in graph.edges where edge.sourceId == parent || edge.targetId == parent {
                    let other = edge.sourceId == parent ? edge.targetId : edge.sourceId
                    guard nodes[other] != nil, placed.insert(other).inserted else { continue }
                    treeEdges.insert(edge.id)
                    children[parent, default: []].append((edge, other))
                    next.append(other)
                }
            }
            frontier = next
        }
        func node(_ id: Int64, relation: String?) -> [String: Any] {
            let item = nodes[id]
            let kids = (children[id] ?? []).map { node($0.child, relation: labels.relation($0.edge.type, fromSource: $0.edge.sourceId == id)) }
            var entry: [String: Any] = [
                "id": id, "number": item?.number ?? "", "name": item?.name ?? "", "class": item.flatMap { classNames[$0.classId] } ?? "",
                "incident": labels.incident(item?.incidentState ?? .operational), "isCentre": id == centre,
                "children": kids, "hasChildren": !kids.isEmpty,
            ]
            if let relation { entry["relation"] = relation }
            return entry
        }
        let crossLinks = graph.edges.filter { !treeEdges.contains($0.id) }.map { edge -> [String: Any] in
            ["source": nodes[edge.sourceId]?.name ?? "", "sourceId": edge.sourceId, "relation": labels.relation(edge.type, fromSource: true),
             "target": nodes[edge.targetId]?.name ?? "", "targetId": edge.targetId]
        }
        return ["root": node(centre, relation: nil), "crossLinks": crossLinks, "hasCrossLinks": !crossLinks.isEmpty, "count": graph.nodes.count - 1]
    }
}
