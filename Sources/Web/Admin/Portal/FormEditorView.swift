import Domain
import Foundation
import Services

/// The editor of one request form as `admin/portal-form-editor` shows it: the form's settings, then its pages,
/// sections and items, each a group of admin controls (`FormField`, named by their place in the form) with buttons
/// to add, remove and reorder; the problems of the last save next to their controls.
struct FormEditorView {
    /// What the editor's select lists offer.
    struct Choices {
        var master: MasterData
        /// Customer-visible ticket fields, by label.
        var fields: [FieldDefinition]
        var classes: [CIClassView]
        var categories: [CatalogueCategory]
    }

    let draft: FormDraft
    let choices: Choices
    let t: AdminTexts

    /// The editor's view; `issues` are the problems of the last submission.
    func view(issues: [FieldIssue]) -> [String: Any] {
        let language = t.isEnglish ? "en" : "de"
        let form = draft.form
        var groups = [FormSection(fields: [
            FormField("name", t("admin.portal.forms.name"), value: form.name, isRequired: true),
            .choice("categoryId", t("admin.portal.forms.category"), FormOption.tree(
                choices.categories, selected: draft.categoryID, none: t("admin.portal.forms.noCategory"), parent: \.parentID,
                name: { $0.title(in: language) }
            ), hint: t("admin.portal.forms.categoryHint")),
            .choice("queueId", t("admin.portal.forms.queue"), FormOption.records(
                choices.master.queues.filter(\.isActive), selected: form.queueID, label: \.name
            )),
            .choice("typeId", t("admin.portal.forms.type"), FormOption.records(
                choices.master.types, selected: form.typeID, none: t("admin.portal.forms.standard"), label: \.name
            )),
            .choice("priorityId", t("admin.portal.forms.priority"), FormOption.records(
                choices.master.priorities, selected: form.priorityID, none: t("admin.portal.forms.standard"), label: \.name
            )),
            .choice("serviceId", t("admin.portal.forms.service"), FormOption.records(
                choices.master.services, selected: form.serviceID, none: t("admin.portal.forms.noService"), label: \.name
            )),
            FormField("titlePattern", t("admin.portal.forms.titlePattern"), value: form.titlePattern,
                      hint: t("admin.portal.forms.titlePatternHint"), isRequired: true),
        ])]
        var earlier: [String] = []
        for (p, page) in form.pages.enumerated() {
            groups.append(FormSection(fields: [FormField("pages[\(p)].title", t("admin.portal.forms.pageTitle"), value: page.title ?? "")]))
            for (s, section) in page.sections.enumerated() {
                let path = "pages[\(p)].sections[\(s)]"
                groups.append(FormSection(fields: [
                    FormField(path + ".heading", t("admin.portal.forms.heading"), value: section.heading ?? ""),
                    FormField(path + ".text", t("admin.portal.forms.text"), .textarea, value: section.text ?? "", hint: t("admin.portal.forms.textHint")),
                ]))
                for (i, item) in section.items.enumerated() {
                    groups.append(FormSection(fields: controls(item, at: "\(path).items[\(i)]", earlier: earlier)))
                    earlier.append(item.field)
                }
            }
        }
        var placed = AdminForm(action: "", submitLabel: "", sections: groups)
        placed.place(issues)
        var remaining = placed.sections.dropFirst().makeIterator()
        let pages = form.pages.enumerated().map { p, page -> [String: Any] in
            var pageView = group(remaining.next(), legend: t("admin.portal.forms.page", ["n": String(p + 1)]), ops: ops([p], count: form.pages.count))
            pageView["pageIndex"] = p
            pageView["sectionCount"] = page.sections.count
            pageView["addSection"] = "add.\(p)"
            pageView["sections"] = page.sections.enumerated().map { s, section -> [String: Any] in
                var sectionView = group(remaining.next(), legend: t("admin.portal.forms.section", ["n": "\(p + 1).\(s + 1)"]),
                                        ops: ops([p, s], count: page.sections.count))
                sectionView["path"] = "pages[\(p)].sections[\(s)]"
                sectionView["itemCount"] = section.items.count
                sectionView["addItems"] = FormItemKind.allCases.map {
                    ["opValue": "add.\(p).\(s).\($0.rawValue)", "opLabel": t("admin.portal.forms.add.\($0.rawValue)")]
                }
                sectionView["items"] = section.items.enumerated().map { i, item -> [String: Any] in
                    var itemView = group(remaining.next(), legend: t("admin.portal.forms.item.\(item.kind.rawValue)", ["n": String(i + 1)])
                                            + (item.field.isEmpty ? "" : ": " + item.field),
                                         ops: ops([p, s, i], count: section.items.count))
                    itemView["path"] = "pages[\(p)].sections[\(s)].items[\(i)]"
                    itemView["kind"] = item.kind.rawValue
                    return itemView
                }
                return sectionView
            }
            return pageView
        }
        var view: [String: Any] = [
            "settings": placed.sections.first?.fields.map(\.view) ?? [], "pages": pages, "pageCount": form.pages.count,
            "issues": placed.issues.map { ["iMessage": $0] }, "hasIssues": !placed.issues.isEmpty,
            "hasFieldIssues": placed.sections.contains { $0.fields.contains { $0.issue != nil } },
        ]
        if form.pages.count < RequestForm.maximumPages { view["addPage"] = "add" }
        return view
    }

    /// The controls of one item; conditions may name only items before it.
    private func controls(_ item: FormItem, at path: String, earlier: [String]) -> [FormField] {
        let label = t("admin.portal.forms.label")
        var fields: [FormField] = []
        if item.kind == .upload {
            fields.append(FormField(path + ".field", t("admin.portal.forms.uploadName"), value: item.field, hint: t("admin.portal.forms.uploadNameHint"), isRequired: true))
            fields.append(FormField(path + ".label", label, value: item.label ?? "", isRequired: true))
        } else {
            let offered = choices.fields.filter { ($0.type == .configItemReference) == (item.kind == .configItem) }
            var options = [FormOption("", t("admin.portal.forms.chooseField"), selected: item.field.isEmpty)]
            options += offered.map { FormOption($0.name, "\($0.label) (\($0.name))", selected: $0.name == item.field) }
            if !item.field.isEmpty, !offered.contains(where: { $0.name == item.field }) { options.append(FormOption(item.field, item.field, selected: true)) }
            fields.append(.choice(path + ".field", t("admin.portal.forms.field"), options))
            fields.append(FormField(path + ".label", label, value: item.label ?? "", hint: t("admin.portal.forms.labelHint")))
        }
        if item.kind == .configItem {
            fields.append(.choice(path + ".ciClassId", t("admin.portal.forms.ciClass"),
                [FormOption("", t("admin.portal.forms.chooseClass"), selected: item.ciClassID == nil)]
                    + choices.classes.map { FormOption(String($0.id), $0.name, selected: $0.id == item.ciClassID) }))
        }
        fields.append(FormField(path + ".help", t("admin.portal.forms.help"), value: item.help ?? ""))
        if item.kind == .field {
            fields.append(FormField(path + ".placeholder", t("admin.portal.forms.placeholder"), value: item.placeholder ?? ""))
            fields.append(FormField(path + ".default", t("admin.portal.forms.default"), value: item.defaultValue.map { FormAnswers.words($0).joined(separator: ", ") } ?? "",
                                    hint: t("admin.portal.forms.defaultHint")))
        }
        fields.append(.checkbox(path + ".required", t("admin.portal.forms.required"), isChecked: item.required))
        var conditions = [FormOption("", t("admin.portal.forms.always"), selected: item.showWhen == nil)]
        conditions += earlier.filter { !$0.isEmpty }.map { FormOption($0, $0, selected: $0 == item.showWhen?.field) }
        if let field = item.showWhen?.field, !earlier.contains(field) { conditions.append(FormOption(field, field, selected: true)) }
        fields.append(.choice(path + ".showWhen.field", t("admin.portal.forms.showWhen"), conditions))
        fields.append(FormField(path + ".showWhen.values", t("admin.portal.forms.showWhenValues"),
                                value: item.showWhen?.values.joined(separator: ", ") ?? "", hint: t("admin.portal.forms.showWhenHint")))
        return fields
    }

    private func group(_ section: FormSection?, legend: String, ops: [[String: String]]) -> [String: Any] {
        ["legend": legend, "fields": section?.fields.map(\.view) ?? [], "ops": ops]
    }

    /// The buttons that move or remove the page, section or item at `indexes` among `count` siblings.
    private func ops(_ indexes: [Int], count: Int) -> [[String: String]] {
        let place = indexes.map(String.init).joined(separator: ".")
        var ops: [[String: String]] = []
        if indexes.last! > 0 { ops.append(["opValue": "up." + place, "opLabel": t("admin.portal.forms.up")]) }
        if indexes.last! + 1 < count { ops.append(["opValue": "down." + place, "opLabel": t("admin.portal.forms.down")]) }
        ops.append(["opValue": "remove." + place, "opLabel": t("admin.portal.forms.remove")])
        return ops
    }
}
