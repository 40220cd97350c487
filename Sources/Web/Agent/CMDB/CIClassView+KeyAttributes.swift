import Domain
import Services

extension CIClassView {
    /// How many attributes item lists show as columns.
    static let keyAttributeCount = 3

    /// The attributes item lists show as columns: unique ones (inventory and serial numbers) first, then required
    /// ones, then the rest, in definition order within each group.
    var keyAttributes: [CIAttribute] {
        let ranked = attributes.enumerated().sorted { a, b in
            let rank = { (attribute: CIAttribute) in attribute.isUnique ? 0 : attribute.isRequired ? 1 : 2 }
            return (rank(a.element), a.offset) < (rank(b.element), b.offset)
        }
        return Array(ranked.prefix(Self.keyAttributeCount).map(\.element))
    }
}
