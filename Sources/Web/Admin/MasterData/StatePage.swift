import Domain
import Services

/// Ticket states: a name (German, optionally English), the type that gives the state its meaning, and whether
/// it pauses every SLA clock.
struct StatePage: MasterDataPage {
    let path = "states"
    let blank = TicketState(id: 0, name: "", type: .open)

    func records(in master: MasterData) -> [TicketState] { master.states }
    func isActive(_ record: TicketState) -> Bool { record.isActive }

    func columns(_ t: AdminTexts) -> [String] {
        [t("admin.common.nameEN"), t("admin.states.type"), t("admin.states.suspendsSLA")]
    }

    func cells(_ state: TicketState, in master: MasterData, _ t: AdminTexts) -> [AdminList.Cell] {
        [
            AdminList.Cell(state.nameEN ?? "–"), AdminList.Cell(t("admin.states.types.\(state.type.rawValue)")),
            state.suspendsSLA ? .badge(t("admin.states.pauses"), tone: "warn") : AdminList.Cell(t("admin.common.no")),
        ]
    }

    func sections(_ state: TicketState, in master: MasterData, _ t: AdminTexts) -> [FormSection] {
        [FormSection(fields: EnglishName.fields(name: state.name, english: state.nameEN, t) + [
            .choice("type", t("admin.states.type"), StateType.allCases.map {
                FormOption($0.rawValue, t("admin.states.types.\($0.rawValue)"), selected: $0 == state.type)
            }, hint: t("admin.states.typeHint")),
            .checkbox("suspendsSLA", t("admin.states.suspendsSLA"), isChecked: state.suspendsSLA, hint: t("admin.states.suspendsSLAHint")),
            .checkbox("isActive", t("admin.common.active"), isChecked: state.isActive),
        ])]
    }

    func read(_ form: inout FormReader, into state: TicketState) -> TicketState {
        var state = state
        (state.name, state.nameEN) = EnglishName.read(form)
        state.type = form.choice("type", state.type)
        state.suspendsSLA = form.isChecked("suspendsSLA")
        state.isActive = form.isChecked("isActive")
        return state
    }
}
