import Domain
import Testing
@testable import Web

/// The form editor's draft: read from the posted controls, changed by its buttons without saving.
@Suite("Form editor draft")
struct FormDraftTests {
    static let fields: [String: FieldDefinition] = [
        "eilig": FieldDefinition(name: "eilig", label: "Eilig", object: .ticket, type: .checkbox, customerVisible: true),
        "anzahl": FieldDefinition(name: "anzahl", label: "Anzahl", object: .ticket, type: .number, customerVisible: true),
    ]

    static func posted(_ pairs: [(String, String)]) -> FormData {
        FormData(fields: pairs.map { (name: $0.0, value: $0.1) })
    }

    @Test("the posted controls become a form: settings, pages, sections, items with defaults by field type and conditions")
    func reading() {
        let draft = FormDraft(Self.posted([
            ("name", " Toner "), ("queueId", "4"), ("priorityId", ""), ("titlePattern", "Toner: {{field.anzahl}}"), ("categoryId", "7"),
            ("pageCount", "1"), ("pages[0].title", "Drucker"), ("pages[0].sectionCount", "1"),
            ("pages[0].sections[0].heading", "Welcher?"), ("pages[0].sections[0].itemCount", "3"),
            ("pages[0].sections[0].items[0].kind", "field"), ("pages[0].sections[0].items[0].field", "eilig"),
            ("pages[0].sections[0].items[0].default", "ja"),
            ("pages[0].sections[0].items[1].kind", "field"), ("pages[0].sections[0].items[1].field", "anzahl"),
            ("pages[0].sections[0].items[1].default", "2,5"), ("pages[0].sections[0].items[1].required", "1"),
            ("pages[0].sections[0].items[1].showWhen.field", "eilig"), ("pages[0].sections[0].items[1].showWhen.values", "true, false"),
            ("pages[0].sections[0].items[2].kind", "upload"), ("pages[0].sections[0].items[2].field", "foto"),
            ("pages[0].sections[0].items[2].label", "Foto"),
        ]), fields: Self.fields)
        #expect(draft.form.name == "Toner" && draft.form.queueID == 4 && draft.form.priorityID == nil && draft.categoryID == 7)
        let items = draft.form.pages[0].sections[0].items
        #expect(items.map(\.kind) == [.field, .field, .upload])
        #expect(items[0].defaultValue == .bool(true) && items[1].defaultValue == .number(2.5) && items[1].required && !items[0].required)
        #expect(items[1].showWhen == FormCondition(field: "eilig", values: ["true", "false"]))
        #expect(items[2].label == "Foto" && items[2].showWhen == nil)
    }

    @Test("counters that are no numbers or negative read as nothing")
    func badCounters() {
        #expect(FormDraft(Self.posted([("pageCount", "-3")]), fields: [:]).form.pages.isEmpty)
        #expect(FormDraft(Self.posted([("pageCount", "1"), ("pages[0].sectionCount", "x")]), fields: [:]).form.pages[0].sections.isEmpty)
    }

    @Test("the buttons add, move and remove pages, sections and items; stale or unknown buttons change nothing")
    func operations() {
        var draft = FormDraft.blank(queueID: 1)
        draft.apply("add.0.0.field")
        draft.apply("add.0.0.upload")
        draft.apply("add.0.0.configItem")
        #expect(draft.form.pages[0].sections[0].items.map(\.kind) == [.field, .upload, .configItem])
        draft.apply("down.0.0.0")
        draft.apply("up.0.0.2")
        #expect(draft.form.pages[0].sections[0].items.map(\.kind) == [.upload, .configItem, .field])
        draft.apply("remove.0.0.1")
        #expect(draft.form.pages[0].sections[0].items.map(\.kind) == [.upload, .field])
        draft.apply("add.0")
        draft.apply("add")
        #expect(draft.form.pages.count == 2 && draft.form.pages[0].sections.count == 2 && draft.form.pages[1].sections.count == 1)
        draft.apply("up.1")
        #expect(draft.form.pages[1].sections.count == 2)
        let before = draft.form
        for stale in ["remove.5", "up.0", "down.1", "remove.3.0", "remove.0.9.0", "add.7.0.field", "explode.0", "", "up.0.0.0"] {
            draft.apply(stale)
        }
        #expect(draft.form == before)
    }
}
