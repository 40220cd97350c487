import Domain
import Foundation
import Testing

@Suite("CSV files")
struct CSVTests {
    @Test("the header's separator wins; quotes hold separators, quotes and line breaks; blank lines are skipped")
    func parsing() throws {
        let text = "Name;Notiz;Zahl\r\n\"PC; 1\";\"sagt \"\"hallo\"\"\nzweite Zeile\";3\r\n\r\nPC 2; ; 4\n"
        let (header, records) = try CSVReader.parse(text)
        #expect(header == ["Name", "Notiz", "Zahl"])
        #expect(records.map(\.fields) == [["PC; 1", "sagt \"hallo\"\nzweite Zeile", "3"], ["PC 2", "", "4"]])
        #expect(records.map(\.line) == [2, 5])
        #expect(try CSVReader.parse("a,b\n1,2").records.first?.fields == ["1", "2"])
        #expect(try CSVReader.parse("a\tb\n1\t2\n").records.first?.fields == ["1", "2"])
    }

    @Test("broken files fail with the line to look at")
    func failures() {
        #expect(throws: CSVReader.Failure.unterminatedQuote(line: 2)) { try CSVReader.parse("a\n\"offen\nnoch\n") }
        #expect(throws: CSVReader.Failure.nul(line: 2)) { try CSVReader.parse("a\nx\u{0}y\n") }
        #expect(throws: CSVReader.Failure.empty) { try CSVReader.parse("\n\n") }
        let long = "a\n" + String(repeating: "x", count: CSVReader.maximumRecordBytes + 1)
        #expect(throws: CSVReader.Failure.recordTooLong(line: 2)) { try CSVReader.parse(long) }
    }

    @Test("UTF-8 with or without byte-order mark, else Windows-1252")
    func encodings() throws {
        #expect(CSVReader.decode(Data([0xEF, 0xBB, 0xBF]) + Data("Größe".utf8)) == "Größe")
        #expect(CSVReader.decode(try #require("Größe €".data(using: .windowsCP1252))) == "Größe €")
    }

    @Test("written fields are quoted when they must be, and formulas are defused")
    func writing() {
        var writer = CSVWriter()
        writer.append(["a,b", "say \"hi\"", "=SUM(A1)", "-5", "plain"])
        #expect(writer.text == "\u{FEFF}\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),-5,plain\r\n")
    }
}
