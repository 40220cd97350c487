import Domain
import Services

/// The services the IT department offers, as a tree; SLAs can be bound to them.
struct ServicePage: MasterDataPage {
    let path = "services"
    let blank = Service(id: 0, name: "")

    func records(in master: MasterData) -> [Service] { master.services }
    func isActive(_ record: Service) -> Bool { record.isActive }
    func columns(_ t: AdminTexts) -> [String] { [t("admin.common.comment")] }

    func cells(_ service: Service, in master: MasterData, _ t: AdminTexts) -> [AdminList.Cell] {
        [AdminList.Cell(service.comment ?? "")]
    }

    func sections(_ service: Service, in master: MasterData, _ t: AdminTexts) -> [FormSection] {
        let options = FormOption.tree(
            master.services.filter { $0.id != service.id }, selected: service.parentID, none: t("admin.services.noParent"),
            parent: \.parentID, name: \.name
        )
        return [FormSection(fields: [
            FormField("name", t("admin.common.name"), value: service.name, isRequired: true),
            .choice("parentId", t("admin.services.parent"), options),
            FormField("comment", t("admin.common.comment"), .textarea, value: service.comment ?? ""),
            .checkbox("isActive", t("admin.common.active"), isChecked: service.isActive),
        ])]
    }

    func read(_ form: inout FormReader, into service: Service) -> Service {
        var service = service
        service.name = form.text("name")
        service.parentID = form.id("parentId")
        service.comment = form.optional("comment")
        service.isActive = form.isChecked("isActive")
        return service
    }
}
