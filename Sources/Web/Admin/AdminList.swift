/// A list page of the admin area: a table of records (indented where they form a tree), a link to create one,
/// optionally a search box and a link to the next page.
struct AdminList {
    /// One cell: text, optionally a link, a coloured badge (always with words) and a second line.
    struct Cell {
        var text: String
        var href: String?
        var badge: String?
        /// `ok`, `warn`, `bad` or `muted`.
        var tone = "muted"
        var sub: String?

        init(_ text: String, href: String? = nil, sub: String? = nil) {
            self.text = text
            self.href = href
            self.sub = sub
        }

        /// A cell that is only a badge.
        static func badge(_ text: String, tone: String) -> Cell {
            var cell = Cell("")
            cell.badge = text
            cell.tone = tone
            return cell
        }
    }

    /// One row; `depth` indents the first cell (queues and services form trees).
    struct Row {
        var cells: [Cell]
        var depth = 0
        var isInactive = false
    }

    var columns: [String]
    var rows: [Row]
    var lead: String?
    var newPath: String?
    var newLabel: String?
    /// The search box: where it sends `q`, its label and the current query.
    var search: (action: String, label: String, query: String)?
    var nextPath: String?

    init(columns: [String], rows: [Row], lead: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.lead = lead
    }

    var view: [String: Any] {
        var view: [String: Any] = [
            "columns": columns.map { ["cLabel": $0] }, "hasRows": !rows.isEmpty,
            "rows": rows.map { row -> [String: Any] in
                [
                    "rDepth": min(row.depth, 6), "rInactive": row.isInactive,
                    "rCells": row.cells.enumerated().map { index, cell -> [String: Any] in
                        var view: [String: Any] = ["cText": cell.text, "cFirst": index == 0, "cTone": cell.tone]
                        if let href = cell.href { view["cHref"] = href }
                        if let badge = cell.badge { view["cBadge"] = badge }
                        if let sub = cell.sub { view["cSub"] = sub }
                        return view
                    },
                ]
            },
        ]
        if let lead { view["lead"] = lead }
        if let newPath { view["newPath"] = newPath }
        if let newLabel { view["newLabel"] = newLabel }
        if let search { view["search"] = ["sAction": search.action, "sLabel": search.label, "sQuery": search.query] }
        if let nextPath { view["nextPath"] = nextPath }
        return view
    }
}
