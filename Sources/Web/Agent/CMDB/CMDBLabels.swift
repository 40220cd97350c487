import Foundation
import Domain
import Services

/// The words CMDB pages show in the page's language: class names, attribute labels, section names, and states
/// in words together with the class that colours them (never colour alone).
struct CMDBLabels {
    let pages: PageRenderer
    let context: AppRequestContext

    private var english: Bool { context.language == .en }

    func className(_ ciClass: CIClassView) -> String {
        english ? ciClass.nameEN ?? ciClass.name : ciClass.name
    }

    /// The classes in the alphabetical order of their names in the page's language.
    func sorted(_ classes: [CIClassView]) -> [CIClassView] {
        classes.sorted { className($0).localizedStandardCompare(className($1)) == .orderedAscending }
    }

    func label(_ attribute: CIAttribute) -> String {
        english ? attribute.labelEN ?? attribute.label : attribute.label
    }

    /// A section's name: the seed classes' sections are translated, others are shown as the administrator wrote them.
    func section(_ name: String) -> String {
        pages.translations.catalog(context.language)["cmdb.sectionNames.\(name)"] ?? name
    }

    /// `label`, `css` (`deploy-productive` …) and the functionality in words.
    func deployment(_ state: DeploymentState) -> [String: Any] {
        [
            "value": state.rawValue, "label": pages.text("cmdb.deployment.\(state.rawValue)", context),
            "css": "deploy-\(state.functionality.rawValue)",
            "functionality": pages.text("cmdb.functionality.\(state.functionality.rawValue)", context),
        ]
    }

    /// `label` and `css` (`incident-warning` …).
    func incident(_ state: IncidentState) -> [String: Any] {
        ["value": state.rawValue, "label": pages.text("cmdb.incident.\(state.rawValue)", context), "css": "incident-\(state.rawValue)"]
    }

    /// How a relation reads from one of its ends: "hängt ab von" from the source, "wird benötigt von" from the target.
    func relation(_ type: CIRelationType, fromSource: Bool) -> String {
        pages.text("cmdb.relation.\(fromSource ? "out" : "in").\(type.rawValue)", context)
    }

    /// What a history or diff row names: an attribute's label, or the word for an item field.
    func field(_ name: String, attributes: [CIAttribute]) -> String {
        if name.hasPrefix("attr.") {
            let key = String(name.dropFirst(5))
            return attributes.first { $0.key == key }.map(label) ?? key
        }
        let known = pages.translations.catalog(context.language)["cmdb.field.\(name)"]
        return known ?? name
    }

    /// A stored state or field value in words where it is a state name (`production` → "Im Einsatz").
    func value(_ text: String?, field: String) -> String {
        guard let text else { return "–" }
        switch field {
        case "deploymentState": return DeploymentState(rawValue: text).map { pages.text("cmdb.deployment.\($0.rawValue)", context) } ?? text
        case "incidentState": return IncidentState(rawValue: text).map { pages.text("cmdb.incident.\($0.rawValue)", context) } ?? text
        default: return text
        }
    }
}
