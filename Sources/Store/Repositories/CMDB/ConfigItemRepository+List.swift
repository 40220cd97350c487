import Domain
import Foundation
import SQLKit

extension ConfigItemRepository {
    /// One page of items matching `query`, plus the cursor of the following page. Relevance order ranks only the newest
    /// `query.relevanceWindow` matches (PostgreSQL: at most 1,000; see `RelevanceWindow`): a model name found in every eighth of
    /// 500,000 items would otherwise be ranked 60,000 times for every page.
    public func list(_ query: ConfigItemListQuery) async throws -> (items: [ConfigItem], next: TicketCursor?) {
        guard query.sort == .relevance, query.fullText != nil else { return try await page(query, relevanceWindow: nil) }
        let window = dialect == .sqlite ? query.relevanceWindow : min(query.relevanceWindow, ConfigItemListQuery.postgresRelevanceWindow)
        return try await RelevanceWindow.page(limit: query.limit, cursor: query.cursor, window: window) { window in
            try await page(query, relevanceWindow: window)
        }
    }

    private func page(_ query: ConfigItemListQuery, relevanceWindow window: Int?) async throws -> (items: [ConfigItem], next: TicketCursor?) {
        var joins: [SQLQueryString] = []
        var conditions: [SQLQueryString] = ["1 = 1"]
        var score: SQLQueryString = "i.id"
        if let fullText = query.fullText {
            switch dialect {
            case .sqlite:
                let newest: SQLQueryString = window.map { " ORDER BY rowid DESC LIMIT \(literal: $0)" } ?? ""
                joins.append("""
                    JOIN (SELECT rowid AS item_id, bm25(cmdb_fts) AS score FROM cmdb_fts WHERE cmdb_fts MATCH \(bind: fullText)\(newest)) s
                    ON s.item_id = i.id
                    """)
                score = "s.score"
            case .postgres:
                let newest: SQLQueryString = window.map { " ORDER BY item_id DESC LIMIT \(literal: $0)" } ?? ""
                joins.append("""
                    JOIN (SELECT item_id, -ts_rank(document, q) AS score FROM (SELECT item_id, document, q FROM cmdb_search,
                          (SELECT to_tsquery('german', \(bind: fullText)) || to_tsquery('english', \(bind: fullText)) AS q) query
                          WHERE document @@ q\(newest)) matches\(rankedPage(query))) s ON s.item_id = i.id
                    """)
                score = "s.score"
            }
        }
        // Class ids go in as literals so that the per-class partial attribute indexes apply.
        if !query.classIDs.isEmpty {
            conditions.append("i.class_id IN (\(unsafeRaw: query.classIDs.map(String.init).joined(separator: ", ")))")
        }
        func anyOf(_ column: String, _ values: [some Encodable & Sendable]) {
            if !values.isEmpty { conditions.append("\(unsafeRaw: column) IN (\(binds: values))") }
        }
        anyOf("i.deployment_state", query.deploymentStates.map(\.rawValue))
        anyOf("i.incident_state", query.incidentStates.map(\.rawValue))
        anyOf("i.owner_contact_id", query.ownerContactIDs)
        anyOf("i.owner_organisation_id", query.ownerOrganisationIDs)
        anyOf("i.location_id", query.locationIDs)
        if let ticketID = query.ticketID {
            conditions.append("i.id IN (SELECT target_id FROM links WHERE source_ticket_id = \(bind: ticketID) AND target_object = 'configItem')")
        }
        if let owners = query.owners {
            var parts: [SQLQueryString] = ["1 = 0"]
            if let contactID = owners.contactID { parts.append("i.owner_contact_id = \(bind: contactID)") }
            if !owners.organisationIDs.isEmpty { parts.append("i.owner_organisation_id IN (\(binds: owners.organisationIDs))") }
            conditions.append("(\(parts.joined(separator: " OR ")))")
        }
        conditions += query.attributes.map(condition)

        let key: SQLQueryString = switch query.sort {
        case .id: "i.id"
        case .number: "i.number"
        case .name: "i.name"
        case .created: "i.created_at"
        case .changed: "i.changed_at"
        case .relevance: score
        }
        let paging = KeysetPaging(
            key: key, idColumn: "i.id", descending: query.descending, isRelevance: query.sort == .relevance,
            isTextKey: query.sort.hasTextKey, limit: query.limit
        )
        let (start, offset) = paging.start(after: query.cursor)
        if let start { conditions.append(start) }
        let rows = try await db.raw("""
            SELECT \(columns), \(key) AS sort_key FROM cmdb_items i \(indexHint(query)) \(joins.joined(separator: " "))
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(paging.order)
            LIMIT \(literal: query.limit + 1) OFFSET \(literal: offset)
            """).all()
        let items = try rows.prefix(query.limit).map(Self.decode)
        return (items, try paging.next(after: rows, lastID: items.last?.id, offset: offset))
    }

    /// On PostgreSQL, when nothing but the words limits a relevance-ordered list, the page (and the pages before it) is
    /// cut from the ranked matches before they are joined to `cmdb_items`: 51 item rows read instead of every match in
    /// the window (5,000 at 500,000 items).
    private func rankedPage(_ query: ConfigItemListQuery) -> SQLQueryString {
        guard query.sort == .relevance, query.isFullTextOnly else { return "" }
        var offset = 0
        if case .offset(let skip)? = query.cursor { offset = max(0, skip) }
        let direction: SQLQueryString = query.descending ? "DESC" : "ASC"
        return " ORDER BY score \(direction), item_id \(direction) LIMIT \(literal: offset + query.limit + 1)"
    }

    /// On SQLite, the attribute index of the first attribute condition: without statistics SQLite would rather
    /// walk the class index, which at 500,000 items is far slower than the attribute's own index.
    private func indexHint(_ query: ConfigItemListQuery) -> SQLQueryString {
        guard dialect == .sqlite,
              let filter = query.attributes.first(where: { CIAttributeExpression(key: $0.attribute.key, type: $0.attribute.type, dialect: dialect).isIndexable })
        else { return "" }
        return "INDEXED BY \(ident: CIAttributeIndexes.name(classID: filter.classID, key: filter.attribute.key))"
    }

    /// The SQL condition of one attribute filter.
    private func condition(_ filter: CIAttributeFilter) -> SQLQueryString {
        let attribute = filter.attribute
        let expression = SQLQueryString(CIAttributeExpression(key: attribute.key, type: attribute.type, dialect: dialect).sql())
        let inClass: SQLQueryString = "i.class_id = \(literal: Int(filter.classID))"
        switch filter.match {
        case .equals(let value):
            if dialect == .postgres {
                let contained: CIValue = attribute.type == .multiselect ? .list([value.displayText]) : value
                return "\(inClass) AND i.attributes @> CAST(\(bind: [attribute.key: contained].json) AS jsonb)"
            }
            if attribute.type == .multiselect {
                return "\(inClass) AND EXISTS (SELECT 1 FROM json_each(i.attributes, '$.\(unsafeRaw: attribute.key)') WHERE value = \(bind: value.displayText))"
            }
            return "\(inClass) AND \(expression) = \(CIValueBinding(value: value, dialect: dialect).sql)"
        case .range(let from, let to):
            var parts: [SQLQueryString] = [inClass, "\(expression) IS NOT NULL"]
            if let from { parts.append("\(expression) >= \(CIValueBinding(value: from, dialect: dialect).sql)") }
            if let to { parts.append("\(expression) <= \(CIValueBinding(value: to, dialect: dialect).sql)") }
            return parts.joined(separator: " AND ")
        case .prefix(let prefix):
            // A byte range: everything from the prefix up to the prefix followed by the highest code point.
            return "\(inClass) AND \(expression) >= \(bind: prefix) AND \(expression) < \(bind: prefix + "\u{10FFFF}")"
        }
    }
}
