import Domain
import Services

/// Ticket priorities: a name (German, optionally English) and a rank (higher is more urgent).
struct PriorityPage: MasterDataPage {
    let path = "priorities"
    let blank = Priority(id: 0, name: "", rank: 3)

    func records(in master: MasterData) -> [Priority] { master.priorities.sorted { $0.rank < $1.rank } }
    func isActive(_ record: Priority) -> Bool { record.isActive }

    func columns(_ t: AdminTexts) -> [String] { [t("admin.common.nameEN"), t("admin.priorities.rank")] }

    func cells(_ priority: Priority, in master: MasterData, _ t: AdminTexts) -> [AdminList.Cell] {
        [AdminList.Cell(priority.nameEN ?? "–"), AdminList.Cell(String(priority.rank))]
    }

    func sections(_ priority: Priority, in master: MasterData, _ t: AdminTexts) -> [FormSection] {
        [FormSection(fields: EnglishName.fields(name: priority.name, english: priority.nameEN, t) + [
            FormField("rank", t("admin.priorities.rank"), .number, value: String(priority.rank), hint: t("admin.priorities.rankHint"), isRequired: true),
            .checkbox("isActive", t("admin.common.active"), isChecked: priority.isActive),
        ])]
    }

    func read(_ form: inout FormReader, into priority: Priority) -> Priority {
        var priority = priority
        (priority.name, priority.nameEN) = EnglishName.read(form)
        priority.rank = form.int("rank") ?? 0
        priority.isActive = form.isChecked("isActive")
        return priority
    }
}
