import Domain
import SQLKit

/// A list condition on a dynamic field's value (`field.NAME:value`), compared case-insensitively with the
/// stored filter text.
public struct FieldFilter: Sendable {
    public var fieldID: Int64
    public var value: String
    public var isNegated: Bool

    public init(fieldID: Int64, value: String, isNegated: Bool = false) {
        self.fieldID = fieldID
        self.value = value
        self.isNegated = isNegated
    }

    /// The `WHERE` condition for objects of kind `object` whose id is `idColumn`.
    func condition(object: FieldObject, idColumn: String) -> SQLQueryString {
        let exists: SQLQueryString = """
            EXISTS (SELECT 1 FROM field_values fv WHERE fv.object = \(bind: object.rawValue) AND fv.object_id = \(unsafeRaw: idColumn)
                    AND fv.field_id = \(bind: fieldID) AND fv.text_value = \(bind: value.lowercased()))
            """
        return isNegated ? "NOT \(exists)" : exists
    }
}
