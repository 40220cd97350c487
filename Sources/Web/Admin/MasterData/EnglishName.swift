/// The name fields of master data that has an English name beside its German one (states, priorities, types).
enum EnglishName {
    static func fields(name: String, english: String?, _ t: AdminTexts) -> [FormField] {
        [
            FormField("name", t("admin.common.name"), value: name, isRequired: true),
            FormField("nameEN", t("admin.common.nameEN"), value: english ?? "", hint: t("admin.common.nameENHint")),
        ]
    }

    static func read(_ form: FormReader) -> (name: String, english: String?) {
        (form.text("name"), form.optional("nameEN"))
    }
}
