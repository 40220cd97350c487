import Domain
import Services

extension CIClassView {
    /// How many attributes item lists show as columns when a class marks none as key attributes.
    static let keyAttributeCount = 3

    /// The attributes item lists show as columns and tickets next to the items they affect: those the class marks as
    /// key attributes, in definition order. A class that marks none (one defined before key attributes existed) shows
    /// unique ones (inventory and serial numbers) first, then required ones, then the rest, three in all.
    var keyAttributes: [CIAttribute] {
        let marked = attributes.filter(\.isKey)
        guard marked.isEmpty else { return marked }
        let ranked = attributes.enumerated().sorted { a, b in
            let rank = { (attribute: CIAttribute) in attribute.isUnique ? 0 : attribute.isRequired ? 1 : 2 }
            return (rank(a.element), a.offset) < (rank(b.element), b.offset)
        }
        return Array(ranked.prefix(Self.keyAttributeCount).map(\.element))
    }
}
