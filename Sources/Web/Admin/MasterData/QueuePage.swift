import Domain
import Services

/// Queues: their tree, system address (the address their mail comes in at and goes out from), what happens to
/// mail for closed tickets, and the calendar their SLAs count in.
struct QueuePage: MasterDataPage {
    let path = "queues"
    let blank = Queue(id: 0, name: "")

    func records(in master: MasterData) -> [Queue] { master.queues }
    func isActive(_ record: Queue) -> Bool { record.isActive }

    func columns(_ t: AdminTexts) -> [String] {
        [t("admin.queues.systemAddress"), t("admin.queues.followUpPolicy"), t("admin.queues.calendar")]
    }

    func cells(_ queue: Queue, in master: MasterData, _ t: AdminTexts) -> [AdminList.Cell] {
        [
            AdminList.Cell(queue.systemAddress ?? "–"), AdminList.Cell(t("admin.queues.policy.\(queue.followUpPolicy.rawValue)")),
            AdminList.Cell(queue.calendarID.flatMap { master.calendar($0)?.name } ?? t("admin.queues.defaultCalendar")),
        ]
    }

    func sections(_ queue: Queue, in master: MasterData, _ t: AdminTexts) -> [FormSection] {
        let parents = FormOption.tree(
            master.queues.filter { $0.id != queue.id }, selected: queue.parentID, none: t("admin.queues.noParent"), parent: \.parentID, name: \.name
        )
        return [FormSection(fields: [
            FormField("name", t("admin.common.name"), value: queue.name, isRequired: true),
            .choice("parentId", t("admin.queues.parent"), parents),
            FormField("systemAddress", t("admin.queues.systemAddress"), .email, value: queue.systemAddress ?? "", hint: t("admin.queues.systemAddressHint")),
            .choice("followUpPolicy", t("admin.queues.followUpPolicy"), FollowUpPolicy.allCases.map {
                FormOption($0.rawValue, t("admin.queues.policy.\($0.rawValue)"), selected: $0 == queue.followUpPolicy)
            }),
            .choice("calendarId", t("admin.queues.calendar"), FormOption.records(
                master.calendars, selected: queue.calendarID, none: t("admin.queues.defaultCalendar"), label: \.name
            )),
            FormField("comment", t("admin.common.comment"), .textarea, value: queue.comment ?? ""),
            .checkbox("isActive", t("admin.common.active"), isChecked: queue.isActive),
        ])]
    }

    func read(_ form: inout FormReader, into queue: Queue) -> Queue {
        var queue = queue
        queue.name = form.text("name")
        queue.parentID = form.id("parentId")
        queue.systemAddress = form.optional("systemAddress")
        queue.followUpPolicy = form.choice("followUpPolicy", queue.followUpPolicy)
        queue.calendarID = form.id("calendarId")
        queue.comment = form.optional("comment")
        queue.isActive = form.isChecked("isActive")
        return queue
    }

    func links(_ queue: Queue, _ t: AdminTexts) -> [(label: String, path: String)] {
        [(t("admin.mailTexts.title"), "/admin/queues/\(queue.id)/mail-texts")]
    }
}
