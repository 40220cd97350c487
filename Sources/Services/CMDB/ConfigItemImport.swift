import Domain
import Foundation

/// An import request: which class, the file, and how to treat it.
public struct ConfigItemImportRequest: Sendable, Decodable {
    /// The class's name (German or English).
    public var `class`: String
    /// `csv` (default) or `json` (an array of objects).
    public var format: Format?
    /// The file as text.
    public var content: String?
    /// The file as bytes, base64-encoded (for CSV files in Windows-1252).
    public var contentBase64: String?
    /// Only check and report; write nothing.
    public var dryRun: Bool?
    /// The unique attribute that identifies existing items to update; default: the first unique attribute among the columns.
    public var upsertBy: String?
    /// Column header → attribute key or item field, for headers that name neither.
    public var mapping: [String: String]?

    /// The formats an import reads.
    public enum Format: String, Sendable, Decodable {
        case csv, json
    }

    public init(class className: String, format: Format? = nil, content: String? = nil, contentBase64: String? = nil,
                dryRun: Bool? = nil, upsertBy: String? = nil, mapping: [String: String]? = nil) {
        self.class = className
        self.format = format
        self.content = content
        self.contentBase64 = contentBase64
        self.dryRun = dryRun
        self.upsertBy = upsertBy
        self.mapping = mapping
    }
}

/// What an import did, or in a dry run would do.
public struct ConfigItemImportReport: Sendable, Encodable, Equatable {
    /// A problem with one row.
    /// Encoded like a problem's `errors[]` entry (`field`, `code`, `parameters`, `message`) with the `row` added.
    public struct RowError: Sendable, Encodable, Equatable {
        /// The line the row starts on (CSV) or its position from 1 (JSON).
        public var row: Int
        /// What is wrong, with the column (`field`) it is in.
        public var issue: FieldIssue

        public var field: String { issue.field }
        public var message: String { issue.message }

        private enum CodingKeys: String, CodingKey { case row, field, code, parameters, message }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(row, forKey: .row)
            try container.encode(issue.field, forKey: .field)
            try container.encode(issue.codeName, forKey: .code)
            if !issue.parameters.isEmpty { try container.encode(issue.parameters, forKey: .parameters) }
            try container.encode(issue.message, forKey: .message)
        }
    }

    public var dryRun: Bool
    public var rows: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    /// The attribute that identified existing items, if any.
    public var upsertBy: String?
    public var errors: [RowError]
}

/// The item fields an import column can name besides attributes, with the headers (any case) that name them.
enum ImportColumn: Equatable {
    case name, deploymentState, incidentState, ownerContactID, ownerOrganisationID, locationID
    case attribute(String)
    /// What an export writes but an import takes from elsewhere: number, class, functionality.
    case ignored

    static let fieldHeaders: [(ImportColumn, [String])] = [
        (.name, ["name"]),
        (.deploymentState, ["deploymentstate", "deployment state", "verwendungsstatus", "status"]),
        (.incidentState, ["incidentstate", "incident state", "vorfallstatus"]),
        (.ownerContactID, ["ownercontactid", "owner contact", "besitzer", "eigentümer"]),
        (.ownerOrganisationID, ["ownerorganisationid", "owner organisation", "organisation"]),
        (.locationID, ["locationid", "location", "standort-id"]),
        (.ignored, ["number", "nummer", "class", "klasse", "functionality"]),
    ]

    /// The column a header (or its mapping) names in `definition`, or nil.
    init?(header: String, definition: CIClassDefinition) {
        let wanted = header.trimmingCharacters(in: .whitespaces).lowercased()
        if let attribute = definition.attributes.first(where: { $0.isNamed(wanted) }) {
            self = .attribute(attribute.key)
        } else if let field = Self.fieldHeaders.first(where: { $0.1.contains(wanted) })?.0 {
            self = field
        } else {
            return nil
        }
    }
}
