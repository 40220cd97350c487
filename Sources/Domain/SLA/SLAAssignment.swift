/// Chooses the SLA of a ticket from the configured `SLABinding`s: from its service, else from its queue,
/// else the default.
///
/// Services apply it when a ticket is created and again whenever its queue, service, type or priority
/// changes (`reevaluatingFields`); if the chosen SLA differs from the one in force they apply
/// `SLAEvent.slaChanged`, whose carry-over rule keeps the working time already used.
public enum SLAAssignment {
    /// What the choice depends on.
    public struct Subject: Sendable, Hashable {
        /// The ticket's service followed by its ancestors, nearest first; empty without service.
        public var servicePath: [Int64]
        /// The ticket's queue followed by its ancestors, nearest first.
        public var queuePath: [Int64]
        public var typeID: Int64?
        public var priorityID: Int64?

        public init(servicePath: [Int64], queuePath: [Int64], typeID: Int64?, priorityID: Int64?) {
            self.servicePath = servicePath
            self.queuePath = queuePath
            self.typeID = typeID
            self.priorityID = priorityID
        }
    }

    /// Ticket fields whose change re-evaluates the SLA.
    public static let reevaluatingFields: Set<String> = ["queue", "service", "type", "priority"]

    /// The binding that applies, or nil (no SLA).
    ///
    /// Order: bindings of the ticket's service, then of each ancestor service, then of its queue and each
    /// ancestor queue, then default bindings; the first of these levels with a matching binding decides.
    /// A binding matches if its type and priority are nil or the ticket's. Within a level, the most specific
    /// match wins: type and priority, then priority only, then type only, then neither; among equals,
    /// the first in `bindings`.
    public static func select(from bindings: [SLABinding], for subject: Subject) -> SLABinding? {
        let levels = subject.servicePath.map(SLABinding.Scope.service) + subject.queuePath.map(SLABinding.Scope.queue)
            + [.default]
        for level in levels {
            var best: (binding: SLABinding, rank: Int)?
            for binding in bindings where binding.scope == level {
                guard binding.typeID == nil || binding.typeID == subject.typeID,
                      binding.priorityID == nil || binding.priorityID == subject.priorityID
                else { continue }
                let rank = (binding.priorityID == nil ? 0 : 2) + (binding.typeID == nil ? 0 : 1)
                if best == nil || rank > best!.rank { best = (binding, rank) }
            }
            if let best { return best.binding }
        }
        return nil
    }

    /// Bindings that repeat the scope, type and priority of an earlier one (`bindings[3]`).
    public static func validate(_ bindings: [SLABinding]) -> [FieldIssue] {
        var seen: [SLABinding: Int] = [:]
        var issues: [FieldIssue] = []
        for (index, binding) in bindings.enumerated() {
            var key = binding
            key.slaID = 0
            if let earlier = seen[key] {
                issues.append(FieldIssue(
                    field: "bindings[\(index)]", .duplicate, detail: "The same scope, type and priority as bindings[\(earlier)]."
                ))
            } else {
                seen[key] = index
            }
        }
        return issues
    }
}
