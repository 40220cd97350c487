import Domain
import Services

/// SLAs: targets per clock in working minutes of a calendar, and the share of a target that raises a warning.
/// Which tickets an SLA applies to is set on the SLA assignment page.
struct SLAPage: MasterDataPage {
    let path = "slas"
    let blank = SLAPolicy(id: 0, name: "", targets: .none)

    func records(in master: MasterData) -> [SLAPolicy] { master.slas }
    func isActive(_ record: SLAPolicy) -> Bool { record.isActive }

    func columns(_ t: AdminTexts) -> [String] {
        [t("admin.slas.calendar")] + SLAClockKind.allCases.map { t("admin.slas.clock.\($0.rawValue)") } + [t("admin.slas.warnAt")]
    }

    func cells(_ sla: SLAPolicy, in master: MasterData, _ t: AdminTexts) -> [AdminList.Cell] {
        [AdminList.Cell(sla.calendarID.flatMap { master.calendar($0)?.name } ?? t("admin.slas.queueCalendar"))]
            + SLAClockKind.allCases.map { kind in
                AdminList.Cell(sla.targets[kind].map { t("admin.slas.minutes", ["minutes": String($0)]) } ?? "–")
            }
            + [AdminList.Cell("\(sla.warnAtPercent) %")]
    }

    func sections(_ sla: SLAPolicy, in master: MasterData, _ t: AdminTexts) -> [FormSection] {
        [
            FormSection(fields: [
                FormField("name", t("admin.common.name"), value: sla.name, isRequired: true),
                .choice("calendarId", t("admin.slas.calendar"), FormOption.records(
                    master.calendars, selected: sla.calendarID, none: t("admin.slas.queueCalendar"), label: \.name
                )),
                FormField("comment", t("admin.common.comment"), .textarea, value: sla.comment ?? ""),
                .checkbox("isActive", t("admin.common.active"), isChecked: sla.isActive),
            ]),
            FormSection(t("admin.slas.targets"), hint: t("admin.slas.targetsHint"), fields: SLAClockKind.allCases.map { kind in
                FormField("targets.\(kind.rawValue)Minutes", t("admin.slas.clock.\(kind.rawValue)"), .number, value: sla.targets[kind].map(String.init) ?? "")
            } + [
                FormField("warnAtPercent", t("admin.slas.warnAt"), .number, value: String(sla.warnAtPercent), hint: t("admin.slas.warnAtHint")),
                .choice("phoneTickets", t("admin.slas.phoneTickets"), PhoneTicketFirstResponse.allCases.map {
                    FormOption($0.rawValue, t("admin.slas.phone.\($0.rawValue)"), selected: $0 == sla.phoneTickets)
                }),
            ]),
        ]
    }

    func read(_ form: inout FormReader, into sla: SLAPolicy) -> SLAPolicy {
        var sla = sla
        sla.name = form.text("name")
        sla.calendarID = form.id("calendarId")
        sla.comment = form.optional("comment")
        sla.isActive = form.isChecked("isActive")
        for kind in SLAClockKind.allCases {
            sla.targets[kind] = form.int("targets.\(kind.rawValue)Minutes")
        }
        sla.warnAtPercent = form.int("warnAtPercent") ?? 0
        sla.phoneTickets = form.choice("phoneTickets", sla.phoneTickets)
        return sla
    }
}
