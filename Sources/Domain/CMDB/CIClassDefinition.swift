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
            issues.append(FieldIssue(field: "attributes", message: "A class may have at most \(Self.maximumAttributes) attributes."))
        }
        if attributes.filter(\.isKey).count > Self.maximumKeyAttributes {
            issues.append(FieldIssue(field: "attributes", message: "A class may have at most \(Self.maximumKeyAttributes) key attributes."))
        }
        var seenSections: Set<String> = []
        for (index, section) in sections.enumerated() {
            if section.allSatisfy(\.isWhitespace) || section.count > FieldDefinition.maximumLabelLength {
                issues.append(FieldIssue(field: "sections[\(index)]", message: "A section needs 1 to 200 characters."))
            } else if !seenSections.insert(section).inserted {
                issues.append(FieldIssue(field: "sections[\(index)]", message: "The section \"\(section)\" appears more than once."))
            }
        }
        var keys: Set<String> = []
        var labels: Set<String> = []
        for (index, attribute) in attributes.enumerated() {
            let path = "attributes[\(index)]"
            for issue in attribute.validateDefinition() {
                issues.append(FieldIssue(field: "\(path).\(issue.field)", message: issue.message))
            }
            if !keys.insert(attribute.key).inserted {
                issues.append(FieldIssue(field: "\(path).key", message: "The key '\(attribute.key)' appears more than once."))
            }
            for label in [attribute.label, attribute.labelEN].compactMap({ $0?.lowercased() }) where label != attribute.key {
                if !labels.insert(label).inserted {
                    issues.append(FieldIssue(field: "\(path).label", message: "The label \"\(label)\" names two attributes; imports could not tell them apart."))
                }
            }
            if let section = attribute.section, !sections.contains(section) {
                issues.append(FieldIssue(field: "\(path).section", message: "The section \"\(section)\" is not one of the class's sections."))
            }
        }
        return issues
    }
}

extension CIAttribute {
    /// Everything wrong with this attribute's definition, by rule (`key`, `options`, ...).
    func validateDefinition() -> [FieldIssue] {
        var issues = fieldDefinition.validateDefinition().filter { $0.field != "name" && $0.field != "regex" }
        func report(_ field: String, _ message: String) { issues.append(FieldIssue(field: field, message: message)) }
        if !FieldDefinition.isValidName(key) || key.count > Self.maximumKeyLength {
            report("key", "The key must be 1 to \(Self.maximumKeyLength) characters: a lowercase letter, then lowercase letters, digits or underscores.")
        }
        if let labelEN, labelEN.allSatisfy(\.isWhitespace) || labelEN.count > FieldDefinition.maximumLabelLength {
            report("labelEN", "The English label needs 1 to 200 characters.")
        }
        if let regex {
            if !type.takesPattern {
                report("regex", "Only text and serial-number attributes take a pattern.")
            } else if regex.isEmpty || regex.count > FieldDefinition.maximumPatternLength || fieldDefinition.withPattern(regex).wholeValuePattern() == nil {
                report("regex", "The pattern is not a valid regular expression of at most \(FieldDefinition.maximumPatternLength) characters.")
            }
        }
        if referenceClass != nil, type != .itemReference {
            report("referenceClass", "Only item references name a class.")
        }
        if isUnique, type == .boolean || type == .multiselect {
            report("unique", "Yes/no and multiple-choice attributes cannot be unique.")
        }
        return issues
    }
}
