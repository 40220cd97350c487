import Domain
import SQLKit
import Store

/// Checks an item's attribute inputs against its class definition on every write path (API, import, upgrade):
/// types and rules, required attributes, that references exist and that unique values are free.
struct AttributeChecker: Sendable {
    let db: any SQLDatabase
    let dialect: Dialect

    /// `base` with `inputs` applied, or the issues (named `attributes.KEY`) that stop it. Attributes `base` holds that
    /// the definition does not know are dropped; unknown input keys are an issue. `checksUniqueness` false leaves
    /// unique values to the caller (imports check them for all rows at once).
    func check(
        _ inputs: [String: FieldInput], base: CIAttributes, definition: CIClassDefinition, classID: Int64, itemID: Int64?,
        classes: [CIClass], checksUniqueness: Bool = true
    ) async throws -> Result<CIAttributes, DomainError> {
        var issues: [FieldIssue] = []
        func report(_ key: String, _ code: FieldIssue.Code, detail: String? = nil) {
            let field = "attributes.\(key)"
            issues.append(detail.map { FieldIssue(field: field, code, detail: $0) } ?? FieldIssue(field: field, code))
        }
        var result = base.filter { definition.attribute($0.key) != nil }
        for (key, input) in inputs.sorted(by: { $0.key < $1.key }) {
            guard let attribute = definition.attribute(key) else {
                report(key, .unknownReference(reference: key), detail: "The class has no attribute '\(key)'.")
                continue
            }
            var optional = attribute
            optional.isRequired = false
            switch optional.validate(input) {
            case .success(let value): result[key] = value
            case .failure(let issue): issues.append(issue.moved(to: "attributes.\(key)"))
            }
        }
        let repository = ConfigItemRepository(db, dialect: dialect)
        let references = CIReferences(db)
        for attribute in definition.attributes where !issues.contains(where: { $0.field == "attributes.\(attribute.key)" }) {
            guard let value = result[attribute.key] else {
                if attribute.isRequired { report(attribute.key, .required) }
                continue
            }
            if attribute.type.isReference, case .number(let number) = value {
                let referenceClass = attribute.referenceClass.flatMap { name in classes.first { $0.isNamed(name) }?.id }
                if try await !references.exists(attribute.type, id: Int64(number), classID: referenceClass) {
                    report(attribute.key, .unknownReference(reference: String(Int64(number))),
                           detail: "There is no \(attribute.referenceNoun) \(Int64(number)).")
                }
            }
            if checksUniqueness, attribute.isUnique, value != base[attribute.key] || itemID == nil,
               let holder = try await repository.holder(of: value, attribute: attribute, classID: classID, excluding: itemID) {
                report(attribute.key, .taken, detail: "Another item (id \(holder)) of this class has the value '\(value.displayText)' already.")
            }
        }
        if issues.isEmpty { return .success(result) }
        return .failure(.invalid("Some attributes are invalid.", issues: issues))
    }
}
