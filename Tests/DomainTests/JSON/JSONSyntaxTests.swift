import Domain
import Foundation
import Testing

@Suite("JSON syntax check")
struct JSONSyntaxTests {
    @Test(arguments: [
        #"{}"#, #"[]"#, #" { "a" : [1, -0.5e+3, 2E-2, 0, true, false, null, "x\"\\\/\b\f\n\r\t\u00e4"] } "#,
        #""text""#, "42", "-0", "null", #"{"a":{"b":{"c":[[[]]]}}}"#, #"["\ud83d\ude00"]"#, "\t[\r\n1 ]\n",
        "{\"ä\": \"Größe ✓\"}",
    ])
    func acceptsJSON(text: String) throws {
        #expect(throws: Never.self) { try JSONSyntax.check(Array(text.utf8)) }
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil, "Foundation agrees")
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "[,1]", #"{"a":1,}"#, #"{"a" 1}"#, #"{a:1}"#, "{'a':1}", "[01]", "[1.]", "[.5]", "[1e]",
        "[+1]", "[-]", "NaN", "[Infinity]", "tru", "nul", "[true false]", #"{"a":1}{"b":2}"#, #"{"a":1} x"#, "/* */ {}",
        #"["\x41"]"#, #"["\u12G4"]"#, #"["\ud83d"]"#, #"["\ude00"]"#, #"["\ud83d\u0041"]"#, "[\"a\u{01}b\"]", #"["abc"#,
        String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
    ])
    func refusesWhatIsNotJSON(text: String) {
        #expect(throws: JSONSyntax.Failure.self) { try JSONSyntax.check(Array(text.utf8)) }
    }

    @Test func nestingUpToTheLimitIsFine() throws {
        let text = String(repeating: "[", count: JSONSyntax.maxDepth) + String(repeating: "]", count: JSONSyntax.maxDepth)
        #expect(throws: Never.self) { try JSONSyntax.check(Array(text.utf8)) }
    }

    @Test func escapedNULIsReported() throws {
        #expect(try JSONSyntax.check(Array(#"{"a": "x\u0000y"}"#.utf8)).hasEscapedNUL)
        #expect(try !JSONSyntax.check(Array(#"{"a": "x\u0001y"}"#.utf8)).hasEscapedNUL)
    }

    @Test func failuresSayWhereAndWhat() {
        do {
            _ = try JSONSyntax.check(Array(#"{"a": }"#.utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.description == "a value expected at byte 6")
        }
    }
}
