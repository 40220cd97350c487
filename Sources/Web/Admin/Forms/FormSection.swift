/// A group of an admin form's controls: shown as a fieldset with a legend, either as a stack of fields or as a
/// grid (a table of controls, such as a role's rights per queue or an SLA's bindings).
struct FormSection {
    var legend: String?
    var hint: String?
    var fields: [FormField] = []
    var grid: FormGrid?

    init(_ legend: String? = nil, hint: String? = nil, fields: [FormField]) {
        self.legend = legend
        self.hint = hint
        self.fields = fields
    }

    init(_ legend: String, hint: String? = nil, grid: FormGrid) {
        self.legend = legend
        self.hint = hint
        self.grid = grid
    }

    var allFields: [FormField] { fields + (grid?.rows.flatMap(\.cells) ?? []) }

    var view: [String: Any] {
        var view: [String: Any] = ["sFields": fields.map(\.view), "sHasLegend": legend != nil]
        if let legend { view["sLegend"] = legend }
        if let hint { view["sHint"] = hint }
        if let grid { view["sGrid"] = grid.view }
        return view
    }
}

/// A table of controls: one header per column, one row per item (optionally headed, and indented as in a tree).
struct FormGrid {
    /// One row: its header (a queue's name, say), its depth in a tree, and one control per column.
    struct Row {
        var header: String?
        var depth = 0
        var cells: [FormField]
    }

    var columns: [String]
    var rows: [Row]
    /// Whether the first column holds the rows' headers.
    var hasRowHeaders: Bool { rows.contains { $0.header != nil } }

    var view: [String: Any] {
        [
            "gColumns": columns.map { ["gLabel": $0] }, "gRowHeaders": hasRowHeaders,
            "gRows": rows.map { row -> [String: Any] in
                var view: [String: Any] = ["rCells": row.cells.map(\.view), "rDepth": min(row.depth, 6)]
                if let header = row.header { view["rHeader"] = header }
                return view
            },
        ]
    }
}
