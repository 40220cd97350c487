import Domain
import Foundation
import Testing

@Suite struct FieldValueTests {
    /// 2026-11-27T13:05:00Z.
    private let instant = Date(timeIntervalSince1970: 1_795_784_700)

    @Test func storageStringIsCompactJSON() {
        #expect(FieldValue.text("Zeile \"1\"\n\\ \u{1}").storageString == #""Zeile \"1\"\n\\ \u0001""#)
        #expect(FieldValue.number(42).storageString == "42")
        #expect(FieldValue.number(-3.5).storageString == "-3.5")
        #expect(FieldValue.number(0.1).storageString == "0.1")
        #expect(FieldValue.number(1e20).storageString == "1e+20")
        #expect(FieldValue.date("2026-11-27").storageString == #""2026-11-27""#)
        #expect(FieldValue.datetime(instant).storageString == #""2026-11-27T13:05:00Z""#)
        #expect(FieldValue.datetime(instant.addingTimeInterval(0.25)).storageString == #""2026-11-27T13:05:00.250Z""#)
        #expect(FieldValue.selection("Hardware").storageString == #""Hardware""#)
        #expect(FieldValue.selections(["Hardware", "Netz"]).storageString == #"["Hardware","Netz"]"#)
        #expect(FieldValue.selections([]).storageString == "[]")
        #expect(FieldValue.checkbox(true).storageString == "true")
        #expect(FieldValue.reference(42).storageString == "42")
    }

    @Test func datetimesBeforeTheEpochAreStoredCorrectly() {
        // 1969-12-31T23:59:59.5Z
        #expect(FieldValue.datetime(Date(timeIntervalSince1970: -0.5)).storageString == #""1969-12-31T23:59:59.500Z""#)
    }

    @Test(arguments: [
        (FieldValue.text("Zeile \"1\"\n\\ \u{1} ä"), FieldType.textarea), (.number(-3.5), .number), (.number(1e20), .number),
        (.date("2024-02-29"), .date), (.datetime(Date(timeIntervalSince1970: 1_795_784_700.25)), .datetime),
        (.selection("Hardware"), .select), (.selections(["Hardware", "Netz"]), .multiselect), (.checkbox(false), .checkbox),
        (.reference(9_223_372_036_854_775_807), .userReference),
    ])
    func storageStringReadsBack(value: FieldValue, type: FieldType) {
        #expect(FieldValue(storageString: value.storageString, type: type) == value)
    }

    @Test func foreignStorageStringsAreRefused() {
        #expect(FieldValue(storageString: "4", type: .text) == nil)
        #expect(FieldValue(storageString: #""2026-02-30""#, type: .date) == nil)
        #expect(FieldValue(storageString: #""2026-11-27T13:05:00""#, type: .datetime) == nil)
        #expect(FieldValue(storageString: "[1]", type: .multiselect) == nil)
        #expect(FieldValue(storageString: "1.5", type: .contactReference) == nil)
        #expect(FieldValue(storageString: "", type: .checkbox) == nil)
    }

    @Test func searchTextIsTheTextOrTheChoices() {
        #expect(FieldValue.text("Raum 1.23").searchText == "Raum 1.23")
        #expect(FieldValue.selection("Hardware").searchText == "Hardware")
        #expect(FieldValue.selections(["Hardware", "Netz"]).searchText == "Hardware Netz")
        #expect(FieldValue.number(4).searchText == nil)
        #expect(FieldValue.date("2026-11-27").searchText == nil)
        #expect(FieldValue.checkbox(true).searchText == nil)
        #expect(FieldValue.reference(3).searchText == nil)
    }

    @Test func encodesTypeAndValue() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func json(_ value: FieldValue) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        #expect(try json(.number(4.5)) == #"{"type":"number","value":4.5}"#)
        #expect(try json(.datetime(instant)) == #"{"type":"datetime","value":"2026-11-27T13:05:00Z"}"#)
        #expect(try json(.selections(["A"])) == #"{"type":"selections","value":["A"]}"#)
    }

    @Test(arguments: [
        FieldValue.text("ä"), .number(-1.5), .date("2026-11-27"), .datetime(Date(timeIntervalSince1970: 1_795_784_700.125)),
        .selection("A"), .selections(["A", "B"]), .checkbox(true), .reference(12),
    ])
    func codableRoundTrips(value: FieldValue) throws {
        #expect(try JSONDecoder().decode(FieldValue.self, from: JSONEncoder().encode(value)) == value)
    }

    @Test(arguments: [
        #"{"type":"date","value":"2026-02-30"}"#, #"{"type":"datetime","value":"2026-11-27"}"#,
        #"{"type":"colour","value":"red"}"#, #"{"type":"reference","value":"x"}"#, #"{"value":1}"#,
    ])
    func decodingRefusesInvalidValues(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FieldValue.self, from: Data(json.utf8)) }
    }

    @Test func inputDecodesFromAnyJSONValueButAnObject() throws {
        let json = #"[null, "x", 4.5, 1, true, ["a", false]]"#
        #expect(try JSONDecoder().decode(FieldInput.self, from: Data(json.utf8)) == .array([
            .null, .string("x"), .number(4.5), .number(1), .bool(true), .array([.string("a"), .bool(false)]),
        ]))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FieldInput.self, from: Data(#"{"a":1}"#.utf8)) }
    }
}
