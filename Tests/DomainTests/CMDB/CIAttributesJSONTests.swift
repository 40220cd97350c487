import Domain
import Foundation
import Testing

@Suite("Configuration-item attribute JSON")
struct CIAttributesJSONTests {
    private let awkward: CIAttributes = [
        "name": .text("Drucker \"Flur\" 2\\3 – Größe/Ort\nzweite Zeile\t\u{01}😀"),
        "memory_gb": .number(16),
        "weight": .number(-1.25),
        "large": .number(1e300),
        "managed": .bool(true),
        "retired": .bool(false),
        "ports": .list(["USB-C", "HDMI; \"2.1\"", ""]),
        "none": .list([]),
        "": .text(""),
    ]

    @Test("values come back as they were written, whatever characters they hold")
    func roundTrip() throws {
        let json = awkward.json
        #expect(CIAttributes(json: json) == awkward)
        #expect(try JSONDecoder().decode(CIAttributes.self, from: Data(json.utf8)) == awkward, "other JSON readers read it alike")
        #expect(CIAttributes(json: String(decoding: try JSONEncoder().encode(awkward), as: UTF8.self)) == awkward)
        #expect(awkward.json == CIAttributes(json: json)?.json, "equal values are written alike")
        #expect(CIAttributes(json: "{}") == [:])
    }

    @Test("whole numbers are written without a fraction, keys in sorted order")
    func spelling() {
        let attributes: CIAttributes = ["b": .number(16), "a": .number(2.5), "c": .list(["x"])]
        #expect(attributes.json == #"{"a":2.5,"b":16,"c":["x"]}"#)
    }

    @Test("PostgreSQL's spelling of jsonb as text is read: spaces, escaped characters, surrogate pairs")
    func postgresText() {
        let text = #"{"a": "\u00e4\u00df \ud83d\ude00 \/ \"q\"", "b": 1.5e2, "c": [ "x" , "y" ], "d": true}"#
        #expect(CIAttributes(json: text) == ["a": .text("äß 😀 / \"q\""), "b": .number(150), "c": .list(["x", "y"]), "d": .bool(true)])
    }

    @Test("text that is not an object of plain values is refused", arguments: [
        "", "[]", "{", #"{"a": null}"#, #"{"a": {}}"#, #"{"a": [1]}"#, #"{"a": "x"} x"#, #"{"a": "x"#, #"{"a": tru}"#,
        #"{"a": "\ud83d"}"#, #"{"a": "\q"}"#, #"{"a" "x"}"#, #"{"a": "x",}"#,
    ])
    func refused(text: String) {
        #expect(CIAttributes(json: text) == nil)
    }

    @Test("event payloads are JSON objects of the given texts")
    func eventPayload() throws {
        let values = ["number": "CI-0000001", "name": "Größe \"A\"\n/\\", "fields": "a,b"]
        let text = JSONText.object(values)
        #expect(text.hasPrefix(#"{"fields":"a,b","name":"#))
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String] == values)
    }
}
