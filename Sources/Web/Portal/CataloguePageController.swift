import Domain
import Foundation
import Hummingbird
import Services

/// The service catalogue for signed-in customers: `/portal/catalogue` shows the category tree (only what the
/// customer may see) or, with `?q=`, the categories matching every word; `/portal/catalogue/{id}` one category with
/// its sub-categories and the way to its form. Both read through `CatalogueService`, as the REST API does.
struct CataloguePageController {
    let services: WebServices
    let pages: PageRenderer

    func register(on portal: RouterGroup<AppRequestContext>) {
        portal.get("catalogue") { request, context -> Response in
            let principal = try context.requireCustomer()
            let query = request.uri.queryParameters["q"].map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            let categories = try await services.catalogue.categories(matching: query.isEmpty ? nil : query, for: principal)
            let language = context.language.rawValue
            var view: [String: Any] = ["q": query, "searching": !query.isEmpty]
            if query.isEmpty {
                let roots = categories.filter { $0.parentID == nil }
                view["groups"] = roots.map { root -> [String: Any] in
                    var group = Self.card(root, language: language)
                    let children = categories.filter { $0.parentID == root.id }.map { Self.card($0, language: language) }
                    group["children"] = children
                    group["hasChildren"] = !children.isEmpty
                    return group
                }
                view["hasGroups"] = !roots.isEmpty
            } else {
                let all = try await services.catalogue.categories(matching: nil, for: principal)
                let titles = Dictionary(all.map { ($0.id, $0.title(in: language)) }, uniquingKeysWith: { first, _ in first })
                let hits = categories.map { category -> [String: Any] in
                    var card = Self.card(category, language: language)
                    if let parent = category.parentID.flatMap({ titles[$0] }) { card["parent"] = parent }
                    return card
                }
                view["hits"] = hits
                view["hasHits"] = !hits.isEmpty
            }
            return try pages.page("portal/catalogue", title: "portal.catalogue.title", view: view, context: context, request: request, section: "catalogue")
        }
        portal.get("catalogue/:id") { request, context -> Response in
            let principal = try context.requireCustomer()
            let entry = try await services.catalogue.entry(try context.id(), for: principal)
            let language = context.language.rawValue
            let children = try await services.catalogue.categories(matching: nil, for: principal)
                .filter { $0.parentID == entry.category.id }.map { Self.card($0, language: language) }
            var view = Self.card(entry.category, language: language)
            view["children"] = children
            view["hasChildren"] = !children.isEmpty
            view["hasForm"] = entry.form != nil
            return try pages.page(
                "portal/category", title: "portal.category.title", view: view, context: context, request: request, section: "catalogue",
                titleArguments: ["title": entry.category.title(in: language)]
            )
        }
    }

    /// A category as a card: title, short description, icon name and initial (shown as the icon) in the page's language, and whether it has a form.
    /// Every key is present, so that a nested card never shows its parent's values.
    static func card(_ category: CatalogueCategory, language: String) -> [String: Any] {
        let description = category.description(in: language) ?? ""
        return [
            "id": category.id, "title": category.title(in: language), "hasForm": category.formID != nil,
            "description": description, "hasDescription": !description.isEmpty, "icon": category.icon ?? "folder",
            "initial": category.title(in: language).first.map { String($0).uppercased() } ?? "",
        ]
    }
}
