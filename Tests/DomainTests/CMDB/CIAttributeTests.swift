import Domain
import Testing

@Suite("Configuration-item attributes")
struct CIAttributeTests {
    private func value(_ type: CIAttributeType, _ input: FieldInput, regex: String? = nil) -> Result<CIValue?, FieldIssue> {
        CIAttribute(key: "a", label: "A", type: type, regex: regex).validate(input)
    }

    @Test("addresses and serial numbers are stored in one spelling however they were typed")
    func normalisation() {
        guard case .failure(let badAddress) = value(.ipAddress, .string(" 10.001.2.3 ")) else {
            Issue.record("a zero-padded IPv4 address is refused")
            return
        }
        #expect(badAddress.field == "a")
        #expect(badAddress.code == .invalidFormat, "pages translate the issue by its code")
        #expect(badAddress.message == "Enter an IPv4 or IPv6 address, such as 10.1.2.3 or 2001:db8::1.")
        #expect(CIAttribute(key: "a", label: "A", type: .text, isRequired: true).validate(.null) == .failure(FieldIssue(field: "a", .required)))
        #expect(value(.ipAddress, .string("10.1.2.3")) == .success(.text("10.1.2.3")))
        #expect(value(.ipAddress, .string("2001:DB8:0:0:0:0:0:1")) == .success(.text("2001:db8::1")))
        #expect(value(.macAddress, .string("00-1A-2B-3C-4D-5E")) == .success(.text("00:1a:2b:3c:4d:5e")))
        #expect(value(.macAddress, .string("001a.2b3c.4d5e")) == .success(.text("00:1a:2b:3c:4d:5e")))
        #expect(value(.macAddress, .string("00:1a:2b:3c:4d")).isFailure)
        #expect(value(.serialNumber, .string(" pf-3x9k ")) == .success(.text("PF-3X9K")))
        #expect(value(.serialNumber, .string("PF 3X9K")).isFailure)
        #expect(value(.serialNumber, .string("AB-12"), regex: "[A-Z]{2}-[0-9]{4}").isFailure)
    }

    @Test("yes/no in German and English, references as whole numbers, dates as real days")
    func types() {
        #expect(value(.boolean, .string("Ja")) == .success(.bool(true)))
        #expect(value(.boolean, .string("nein")) == .success(.bool(false)))
        #expect(value(.boolean, .string("vielleicht")).isFailure)
        #expect(value(.contactReference, .string("42")) == .success(.number(42)))
        #expect(value(.organisationReference, .number(1.5)).isFailure)
        #expect(value(.date, .string("2026-02-30")).isFailure)
        #expect(value(.number, .string("16")) == .success(.number(16)))
        #expect(CIAttribute(key: "a", label: "A", type: .text, isRequired: true).validate(.string(" ")).isFailure)
    }

    @Test("a definition with clashing keys or labels, foreign sections or misplaced rules is refused")
    func definitionRules() {
        let definition = CIClassDefinition(sections: ["Hardware", "Hardware"], attributes: [
            CIAttribute(key: "serial", label: "Seriennummer", type: .serialNumber, section: "Hardware", isUnique: true),
            CIAttribute(key: "serial", label: "Nummer", type: .text),
            CIAttribute(key: "Bad Key", label: "Seriennummer", type: .text, section: "Netz"),
            CIAttribute(key: "flag", label: "Flag", type: .boolean, isUnique: true, regex: "x"),
            CIAttribute(key: "kind", label: "Art", type: .select),
            CIAttribute(key: "host", label: "Host", type: .text, referenceClass: "Server"),
        ])
        let fields = Set(definition.validate().map(\.field))
        #expect(fields == [
            "sections[1]", "attributes[1].key", "attributes[2].key", "attributes[2].label", "attributes[2].section",
            "attributes[3].unique", "attributes[3].regex", "attributes[4].options", "attributes[5].referenceClass",
        ])
        #expect(CIClassDefinition(sections: ["A"], attributes: [CIAttribute(key: "x", label: "X", type: .date, section: "A")]).validate().isEmpty)
    }

    @Test("an upgrade rule renames, fills defaults and drops attributes the class no longer has")
    func upgradeRule() {
        let definition = CIClassDefinition(attributes: [
            CIAttribute(key: "serial_number", label: "Seriennummer", type: .serialNumber),
            CIAttribute(key: "cost_center", label: "Kostenstelle", type: .text, isRequired: true),
        ])
        let rule = CIClassUpgrade(renames: ["serial": "serial_number"], defaults: ["cost_center": .string("4711")])
        #expect(rule.validate(against: definition).isEmpty)
        let inputs = rule.apply(to: ["serial": .text("AB1"), "colour": .text("grau")], definition: definition)
        #expect(inputs == ["serial_number": .string("AB1"), "cost_center": .string("4711")])
        #expect(CIClassUpgrade(renames: ["a": "b"]).validate(against: definition).map(\.field) == ["renames.a"])
    }

    @Test("deployment states are named in German or by API name and belong to a phase")
    func deploymentStates() {
        #expect(DeploymentState(named: "im einsatz") == .production)
        #expect(DeploymentState(named: "Rückgabe")?.functionality == .postProductive)
        #expect(DeploymentState(named: "inStock")?.functionality == .preProductive)
        #expect(DeploymentState(named: "kaputt") == nil)
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
