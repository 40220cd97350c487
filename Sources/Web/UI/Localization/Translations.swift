import Domain
import Foundation
import Mustache

/// The interface texts of every language, loaded once from `Resources/i18n/LANG.json` (nested objects,
/// addressed by dotted keys such as `dashboard.title`).
///
/// Templates read them as `{{t.dashboard.title}}`; Swift code through `text(_:in:)`. A key missing in one
/// language is a defect that `TranslationsTests` catches, so lookups fall back to the key itself.
public struct Translations: Sendable {
    let catalogs: [UILanguage: [String: String]]

    /// Loads the catalogues bundled with the web module: every `Resources/i18n/LANG/*.json` file (one per
    /// area of the interface), merged. A key defined in two files is an error.
    public static func bundled() throws -> Translations {
        let root = try PageRenderer.resourceRoot().appendingPathComponent("i18n")
        var catalogs: [UILanguage: [String: String]] = [:]
        for language in UILanguage.allCases {
            let folder = root.appendingPathComponent(language.rawValue)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            guard !files.isEmpty else { throw UIResourceError.missing("i18n/\(language.rawValue)/*.json") }
            var catalog: [String: String] = [:]
            for file in files {
                let tree = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file)))
                try catalog.merge(flatten(tree, prefix: "")) { _, _ in throw UIResourceError.duplicateText(file) }
            }
            catalogs[language] = catalog
        }
        return Translations(catalogs: catalogs)
    }

    private static func flatten(_ node: Any, prefix: String) -> [String: String] {
        if let text = node as? String { return [prefix: text] }
        guard let object = node as? [String: Any] else { return [:] }
        var flat: [String: String] = [:]
        for (key, value) in object { flat.merge(flatten(value, prefix: prefix.isEmpty ? key : prefix + "." + key)) { a, _ in a } }
        return flat
    }

    /// Every text of one language, keyed by dotted path.
    func catalog(_ language: UILanguage) -> [String: String] {
        catalogs[language] ?? [:]
    }

    /// The texts of one language as templates walk them: `t.dashboard.title`.
    func templateNode(_ language: UILanguage) -> TextNode {
        TextNode(texts: catalogs[language] ?? [:], prefix: "")
    }

    /// What `issue` says in `language`: the text `validation.CODE` with the code's parameters filled in, or the issue's
    /// English message when it has no code or the code no text.
    func text(of issue: FieldIssue, in language: UILanguage) -> String {
        guard let code = issue.code, let template = catalogs[language]?["validation." + code.name.rawValue] else { return issue.message }
        return FieldIssue.Code.fill(template, code.parameters)
    }

    /// One text; `{name}` placeholders are replaced by `arguments`.
    func text(_ key: String, in language: UILanguage, _ arguments: [String: String] = [:]) -> String {
        var text = catalogs[language]?[key] ?? key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}

/// One level of the text tree for Mustache: `child(named:)` answers a text, or the next level down.
/// A key that does not exist renders as itself, so a missing text is visible rather than blank.
struct TextNode: MustacheParent, CustomStringConvertible, Sendable {
    let texts: [String: String]
    let prefix: String

    func child(named name: String) -> Any? {
        let key = prefix.isEmpty ? name : prefix + "." + name
        return texts[key] ?? TextNode(texts: texts, prefix: key)
    }

    var description: String { prefix }
}

/// A resource the web module ships with is missing or unreadable.
enum UIResourceError: Error, CustomStringConvertible {
    case missing(String)
    case template(String)
    case duplicateText(String)

    var description: String {
        switch self {
        case .missing(let name): "The bundled resource \(name) is missing."
        case .template(let name): "The template \(name) does not exist."
        case .duplicateText(let file): "\(file) defines a text that another file of its language defines too."
        }
    }
}
