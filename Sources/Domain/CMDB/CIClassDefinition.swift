import Foundation

/// One version of a configuration-item class's attribute schema: sections in display order and attributes.
public struct CIClassDefinition: Sendable, Codable, Equatable {
    /// The most attributes a class may have.
    public static let maximumAttributes = 200
    /// The most key attributes a class may have (they become list columns).
    public static let maximumKeyAttributes = 6

    public var sections: [String]
    public var attributes: [CIAttribute]

    public init(sections: [String] = [], attributes: [CIAttribute]) {
        self.sections = sections
        self.attributes = attributes
    }

    /// The attribute with `key`.
    public func attribute(_ key: String) -> CIAttribute? {
        attributes.first { $0.key == key }
    }

    /// Everything wrong with this definition; empty when it may be saved. Issues point at `attributes[N].rule`.
    public func validate() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if attributes.count > Self.maximumAttributes {
            issues.append(FieldIssue(field: "attributes", .tooMany(max: Self.maximumAttributes)))
        }
        if attributes.filter(\.isKey).count > Self.maximumKeyAttributes {
            issues.append(FieldIssue(
                field: "attributes", .tooMany(max: Self.maximumKeyAttributes),
                detail: "A class may have at most \(Self.maximumKeyAttributes) key attributes."
            ))
        }
        var seenSections: Set<String> = []
        for (index, section) in sections.enumerated() {
            if section.allSatisfy(\.isWhitespace) || section.count > FieldDefinition.maximumLabelLength {
                issues.append(FieldIssue(field: "sections[\(index)]", .length(min: 1, max: 200)))
            } else if !seenSections.insert(section).inserted {
                issues.append(FieldIssue(field: "sections[\(index)]", .duplicate, detail: "The section \"\(section)\" appears more than once."))
            }
        }
        var keys: Set<String> = []
        var labels: Set<String> = []
        for (index, attribute) in attributes.enumerated() {
            let path = "attributes[\(index)]"
            for issue in attribute.validateDefinition() {
                issues.append(issue.moved(to: "\(path).\(issue.field)"))
            }
            if !keys.insert(attribute.key).inserted {
                issues.append(FieldIssue(field: "\(path).key", .duplicate))
            }
            for label in [attribute.label, attribute.labelEN].compactMap({ $0?.lowercased() }) where label != attribute.key {
                if !labels.insert(label).inserted {
                    issues.append(FieldIssue(
                        field: "\(path).label", .duplicate, detail: "The label \"\(label)\" names two attributes; imports could not tell them apart."
                    ))
                }
            }
            if let section = attribute.section, !sections.contains(section) {
                issues.append(FieldIssue(
                    field: "\(path).section", .unknownReference(reference: section), detail: "The section \"\(section)\" is not one of the class's sections."
                ))
            }
        }
        return issues
    }
}

extension CIAttribute {
    /// Everything wrong with this attribute's definition, by rule (`key`, `options`, ...).
    func validateDefinition() -> [FieldIssue] {
        var issues = fieldDefinition.validateDefinition().filter { $0.field != "name" && $0.field != "regex" }
        func report(_ field: String, _ code: FieldIssue.Code, _ detail: String) { issues.append(FieldIssue(field: field, code, detail: detail)) }
        if !FieldDefinition.isValidName(key) || key.count > Self.maximumKeyLength {
            report("key", .machineName(max: Self.maximumKeyLength),
                   "The key must be 1 to \(Self.maximumKeyLength) characters: a lowercase letter, then lowercase letters, digits or underscores.")
        }
        if let labelEN, labelEN.allSatisfy(\.isWhitespace) || labelEN.count > FieldDefinition.maximumLabelLength {
            report("labelEN", .length(min: 1, max: FieldDefinition.maximumLabelLength), "The English label needs 1 to 200 characters.")
        }
        if let regex {
            if !type.takesPattern {
                report("regex", .notAllowed, "Only text and serial-number attributes take a pattern.")
            } else if regex.isEmpty || regex.count > FieldDefinition.maximumPatternLength || fieldDefinition.withPattern(regex).wholeValuePattern() == nil {
                report("regex", .invalidPattern,
                       "The pattern is not a valid regular expression of at most \(FieldDefinition.maximumPatternLength) characters.")
            }
        }
        if referenceClass != nil, type != .itemReference {
            report("referenceClass", .notAllowed, "Only item references name a class.")
        }
        if isUnique, type == .boolean || type == .multiselect {
            report("unique", .notAllowed, "Yes/no and multiple-choice attributes cannot be unique.")
        }
        return issues
    }
}
