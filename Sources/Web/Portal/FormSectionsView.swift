import Domain
import Services

/// The sections of one page of a request form as `portal/partials/form-sections` shows them: each with its heading,
/// its explanatory text and its items (`FormItemView`). The portal's form pages and the administrators' preview
/// render through it, so the preview is what requesters see.
struct FormSectionsView {
    let answers: FormAnswers
    let shown: Set<String>
    let errors: [String: String]
    /// The item whose typing asks for published solutions (the first text of the form's first page), if any.
    let hintField: String?
    let time: TimeText

    /// The sections of `page`; `configItems` gives the choices of a configuration-item item.
    func sections(
        of page: RenderedForm.Page, configItems: (RenderedForm.Item) async throws -> [ConfigItemChoice]
    ) async throws -> [[String: Any]] {
        var sections: [[String: Any]] = []
        for section in page.sections {
            var items: [[String: Any]] = []
            for item in section.items {
                let choices = item.kind == .configItem ? try await configItems(item) : []
                items.append(FormItemView(
                    item: item, answers: answers, error: errors[item.field], shown: shown.contains(item.field), configItems: choices,
                    hints: item.field == hintField, time: time
                ).dictionary)
            }
            var view: [String: Any] = ["items": items, "heading": section.heading ?? "", "hasHeading": section.heading != nil]
            if let html = section.html { view["html"] = html }
            sections.append(view)
        }
        return sections
    }
}
