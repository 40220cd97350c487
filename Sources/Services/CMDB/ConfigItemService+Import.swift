import Domain
import Foundation
import SQLKit
import Store

extension ConfigItemService {
    /// Imports items of one class from CSV or JSON, creating new items and updating those a unique attribute
    /// identifies. Every row is checked like an API write; the report lists each bad row's problems. A dry run
    /// writes nothing; a real run writes all rows or — when any row is bad — none (a 422 listing the rows).
    /// Running the same file twice changes nothing the second time.
    public func importItems(_ request: ConfigItemImportRequest, by principal: Principal) async throws -> ConfigItemImportReport {
        try AccessPolicy.requireCMDBWriter(principal)
        let rows = try Self.rows(of: request)
        let dryRun = request.dryRun ?? false
        let now = context.now()
        do {
            return try await context.database.transaction { db in
                let report = try await importRows(rows, request: request, dryRun: dryRun, db: db, now: now, principal: principal)
                if dryRun { throw ImportRollback(report: report) }
                if !report.errors.isEmpty {
                    throw DomainError.invalid("\(Set(report.errors.map(\.row)).count) of \(report.rows) rows are invalid; nothing was imported.",
                                              issues: report.errors.map { $0.issue.moved(to: "rows[\($0.row)].\($0.field)") })
                }
                return report
            }
        } catch let rollback as ImportRollback {
            return rollback.report
        }
    }

    /// New items written per multi-row batch.
    static let importBatch = 1_000

    /// Thrown to roll a dry run back after it checked every row.
    private struct ImportRollback: Error {
        let report: ConfigItemImportReport
    }

    /// The file's header and rows as (position, header → input).
    private static func rows(of request: ConfigItemImportRequest) throws(DomainError) -> (header: [String], rows: [(Int, [String: FieldInput])]) {
        var text = request.content
        if let base64 = request.contentBase64 {
            guard text == nil else { throw .invalid(FieldIssue(field: "content", .notAllowed, detail: "Send the file either as content or as contentBase64.")) }
            guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
                throw .invalid(FieldIssue(field: "contentBase64", .invalidFormat, detail: "contentBase64 is not base64."))
            }
            text = CSVReader.decode(data)
        }
        guard let text else { throw .invalid(FieldIssue(field: "content", .required, detail: "The request needs the file as content or contentBase64.")) }
        switch request.format ?? .csv {
        case .csv:
            let parsed: (header: [String], records: [CSVReader.Record])
            do {
                parsed = try CSVReader.parse(text)
            } catch {
                throw .invalid(FieldIssue(field: "content", .invalidFormat, detail: error.message))
            }
            return (parsed.header, parsed.records.map { record in
                var row: [String: FieldInput] = [:]
                for (index, header) in parsed.header.enumerated() where index < record.fields.count {
                    row[header] = .string(record.fields[index])
                }
                return (record.line, row)
            })
        case .json:
            guard let objects = try? JSONDecoder().decode([[String: FieldInput]].self, from: Data(text.utf8)) else {
                throw .invalid(FieldIssue(
                    field: "content", .invalidFormat, detail: "A JSON import is an array of objects whose values are text, numbers, booleans, null or arrays."
                ))
            }
            var header: [String] = []
            for key in objects.flatMap(\.keys) where !header.contains(key) { header.append(key) }
            return (header, objects.enumerated().map { ($0.offset + 1, $0.element) })
        }
    }

    private func importRows(
        _ file: (header: [String], rows: [(Int, [String: FieldInput])]), request: ConfigItemImportRequest, dryRun: Bool,
        db: any SQLDatabase, now: Date, principal: Principal
    ) async throws -> ConfigItemImportReport {
        let classes = try await CIClassRepository(db).all()
        let ciClass = try Self.resolveClass(request.class, id: nil, in: classes)
        var columns: [String: ImportColumn] = [:]
        var unknown: [FieldIssue] = []
        for header in file.header {
            if let column = ImportColumn(header: request.mapping?[header] ?? header, definition: ciClass.definition) {
                columns[header] = column
            } else {
                unknown.append(FieldIssue(field: "columns.\(header)", .unknownReference(reference: header),
                                          detail: "The column '\(header)' names no attribute of \(ciClass.name) and no item field; map it or remove it."))
            }
        }
        guard unknown.isEmpty else { throw DomainError.invalid("Some columns cannot be imported.", issues: unknown) }
        guard columns.values.contains(.name) else { throw DomainError.invalid(FieldIssue(field: "columns", .required, detail: "The file needs a name column.")) }
        let keyColumns = Set(columns.values.compactMap { if case .attribute(let key) = $0 { key } else { nil } })
        let upsertKey = request.upsertBy ?? ciClass.definition.attributes.first { $0.isUnique && keyColumns.contains($0.key) }?.key
        var upsertAttribute: CIAttribute?
        if let upsertKey {
            guard let attribute = ciClass.definition.attribute(upsertKey), attribute.isUnique, keyColumns.contains(upsertKey) else {
                throw DomainError.invalid(FieldIssue(field: "upsertBy", .invalidChoice,
                                                    detail: "upsertBy must name a unique attribute of \(ciClass.name) that the file has a column for."))
            }
            upsertAttribute = attribute
        }

        var report = ConfigItemImportReport(dryRun: dryRun, rows: file.rows.count, created: 0, updated: 0, unchanged: 0,
                                            upsertBy: upsertAttribute?.key, errors: [])
        var inputs: [(position: Int, input: NewConfigItem)] = []
        for (position, row) in file.rows {
            var input = NewConfigItem(classId: ciClass.id, name: "", attributes: [:])
            var cellErrors: [ConfigItemImportReport.RowError] = []
            for (header, value) in row {
                guard let column = columns[header] else { continue }
                do {
                    try Self.assign(value, to: column, in: &input, definition: ciClass.definition)
                } catch {
                    let issue = if case .invalid(_, let issues) = error, let first = issues.first { first } else { FieldIssue(field: header, message: error.message) }
                    cellErrors.append(.init(row: position, issue: issue.moved(to: header)))
                }
            }
            if cellErrors.isEmpty { inputs.append((position, input)) } else { report.errors += cellErrors }
        }

        // Unique values are checked for all rows at once: who holds each value the file mentions, in the database
        // and among the rows before.
        let repository = ConfigItemRepository(db, dialect: dialect)
        let uniques = ciClass.definition.attributes.filter(\.isUnique)
        var holders: [String: [String: Int64]] = [:]
        for attribute in uniques {
            let values = inputs.compactMap { row -> CIValue? in
                guard let input = row.input.attributes?[attribute.key], case .success(let value?) = attribute.validate(input) else { return nil }
                return value
            }
            holders[attribute.key] = values.isEmpty ? [:] : try await repository.holders(of: values, attribute: attribute, classID: ciClass.id)
        }
        let existingIDs = Set(upsertAttribute.flatMap { holders[$0.key]?.values }.map(Array.init) ?? [])
        var existing = Dictionary(uniqueKeysWithValues: try await repository.items(existingIDs.sorted()).map { ($0.id, $0) })

        let writer = ConfigItemWriter(db: db, dialect: dialect, now: now)
        var pending: [ConfigItem] = []
        var fileIDs = Int64(-1)
        for (position, input) in inputs {
            let upsertValue = upsertAttribute.flatMap { attribute -> CIValue? in
                guard let input = input.attributes?[attribute.key], case .success(let value?) = attribute.validate(input) else { return nil }
                return value
            }
            let old = upsertAttribute.flatMap { attribute in upsertValue.flatMap { holders[attribute.key]?[$0.displayText] } }.flatMap { existing[$0] }
            let item: ConfigItem
            do {
                if let old {
                    item = try await update(old, with: input, classes: classes, db: db, now: now)
                } else {
                    item = try await prepare(input, ciClass: ciClass, classes: classes, existing: nil, db: db, now: now, checksUniqueness: false)
                }
            } catch DomainError.invalid(_, let issues) {
                report.errors += issues.map { .init(row: position, issue: $0) }
                continue
            }
            let id = old?.id ?? fileIDs
            let clashes = uniques.filter { attribute in
                guard let value = item.attributes[attribute.key], let holder = holders[attribute.key]?[value.displayText] else { return false }
                return holder != id
            }
            guard clashes.isEmpty else {
                report.errors += clashes.map { attribute in
                    let detail = "Another item of this class (or an earlier row) has the value '\(item.attributes[attribute.key]?.displayText ?? "")' already."
                    return .init(row: position, issue: FieldIssue(field: "attributes.\(attribute.key)", .taken, detail: detail))
                }
                continue
            }
            for attribute in uniques {
                if let value = old?.attributes[attribute.key] { holders[attribute.key]?[value.displayText] = nil }
                if let value = item.attributes[attribute.key] { holders[attribute.key]?[value.displayText] = id }
            }
            if let old {
                if item.changes(from: old).isEmpty {
                    report.unchanged += 1
                } else {
                    report.updated += 1
                    if !dryRun && report.errors.isEmpty {
                        existing[old.id] = try await writer.update(item, from: old, className: ciClass.name, by: principal)
                    }
                }
            } else {
                report.created += 1
                fileIDs -= 1
                pending.append(item)
                if pending.count >= ConfigItemService.importBatch, !dryRun, report.errors.isEmpty {
                    try await writer.insert(batch: pending, className: ciClass.name, by: principal)
                    pending = []
                }
            }
        }
        if !dryRun, report.errors.isEmpty {
            try await writer.insert(batch: pending, className: ciClass.name, by: principal)
        }
        return report
    }

    /// An existing item with the row's values laid over it (columns the file lacks stay as they are).
    private func update(_ existing: ConfigItem, with row: NewConfigItem, classes: [CIClass], db: any SQLDatabase, now: Date) async throws -> ConfigItem {
        guard var ciClass = classes.first(where: { $0.id == existing.classID }) else { throw StoreError.corrupt("class of item \(existing.id)") }
        if existing.classVersion != ciClass.version,
           let written = try await CIClassRepository(db).versions(of: ciClass.id).first(where: { $0.version == existing.classVersion }) {
            ciClass.definition = written.definition
            ciClass.version = written.version
        }
        var input = row
        if input.name.isEmpty { input.name = existing.name }
        input.ownerContactId = row.ownerContactId ?? existing.ownerContactID
        input.ownerOrganisationId = row.ownerOrganisationId ?? existing.ownerOrganisationID
        input.locationId = row.locationId ?? existing.locationID
        return try await prepare(input, ciClass: ciClass, classes: classes, existing: existing, db: db, now: now)
    }

    /// Puts one cell into the new item.
    /// A multiselect cell lists its options separated by semicolons, as the export writes them.
    private static func assign(_ value: FieldInput, to column: ImportColumn, in input: inout NewConfigItem, definition: CIClassDefinition) throws(DomainError) {
        func text() -> String? {
            switch value {
            case .string(let text): text.isEmpty ? nil : text
            case .number(let number): FieldValue.jsonNumber(number)
            default: nil
            }
        }
        func id(_ field: String) throws(DomainError) -> Int64? {
            guard let text = text() else { return nil }
            guard let id = Int64(text.trimmingCharacters(in: .whitespaces)), id > 0 else { throw .invalid(FieldIssue(field: field, .invalidNumber)) }
            return id
        }
        switch column {
        case .name: input.name = text() ?? ""
        case .deploymentState: input.deploymentState = text()
        case .incidentState: input.incidentState = text()
        case .ownerContactID: input.ownerContactId = try id("ownerContactId")
        case .ownerOrganisationID: input.ownerOrganisationId = try id("ownerOrganisationId")
        case .locationID: input.locationId = try id("locationId")
        case .attribute(let key):
            if definition.attribute(key)?.type == .multiselect, case .string(let cell) = value {
                input.attributes?[key] = .array(cell.split(separator: ";").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            } else {
                input.attributes?[key] = value
            }
        case .ignored: break
        }
    }
}
