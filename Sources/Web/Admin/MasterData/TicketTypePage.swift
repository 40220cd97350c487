import Domain
import Services

/// Ticket types (incident, service request …): a name, German and optionally English.
struct TicketTypePage: MasterDataPage {
    let path = "types"
    let blank = TicketType(id: 0, name: "")

    func records(in master: MasterData) -> [TicketType] { master.types }
    func isActive(_ record: TicketType) -> Bool { record.isActive }
    func columns(_ t: AdminTexts) -> [String] { [t("admin.common.nameEN")] }

    func cells(_ type: TicketType, in master: MasterData, _ t: AdminTexts) -> [AdminList.Cell] {
        [AdminList.Cell(type.nameEN ?? "–")]
    }

    func sections(_ type: TicketType, in master: MasterData, _ t: AdminTexts) -> [FormSection] {
        [FormSection(fields: EnglishName.fields(name: type.name, english: type.nameEN, t) + [
            .checkbox("isActive", t("admin.common.active"), isChecked: type.isActive),
        ])]
    }

    func read(_ form: inout FormReader, into type: TicketType) -> TicketType {
        var type = type
        (type.name, type.nameEN) = EnglishName.read(form)
        type.isActive = form.isChecked("isActive")
        return type
    }
}
