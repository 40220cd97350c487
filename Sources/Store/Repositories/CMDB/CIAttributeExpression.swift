import Domain
import SQLKit

/// The SQL expression reading one attribute of items (alias `i`) per dialect. Indexes and queries must use the very
/// same expression, so both take it from here.
///
/// SQLite: `json_extract`, which yields text, numbers, or 1/0 for booleans. PostgreSQL: numbers and references as
/// `numeric` (only where the stored value is a JSON number, so a cast can never fail), everything else as text in
/// the "C" collation, whose byte order makes prefix ranges and dates (`YYYY-MM-DD`) sort right.
struct CIAttributeExpression {
    let key: String
    let type: CIAttributeType
    let dialect: Dialect

    /// The expression over `column` (`attributes` in index definitions, `i.attributes` in queries).
    func sql(column: String = "i.attributes") -> String {
        switch dialect {
        case .sqlite:
            return "json_extract(\(column), '$.\(key)')"
        case .postgres:
            if type.isNumeric {
                return "(CASE WHEN jsonb_typeof(\(column)->'\(key)') = 'number' THEN (\(column)->>'\(key)')::numeric END)"
            }
            return "((\(column)->>'\(key)') COLLATE \"C\")"
        }
    }

    /// Whether an expression index can serve this attribute (lists are matched by containment instead).
    var isIndexable: Bool { type != .multiselect }
}
