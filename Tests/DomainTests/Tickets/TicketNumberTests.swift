import Domain
import Foundation
import Testing

@Suite struct TicketNumberTests {
    /// 2026-11-27T23:30:00Z, already the 28th in Berlin.
    private let lateEvening = Date(timeIntervalSince1970: 1_795_822_200)
    private let utc = TimeZone(identifier: "UTC")!

    @Test func makesDateSystemCounterAndCheckDigit() {
        // 2·1 + 0·2 + 2·1 + 6·2 + 1·1 + 1·2 + 2·1 + 7·2 + 0·1 + 1·2 + 0 + 0 + 0 + 0 + 1·1 = 38 → 10 − 8 = 2
        #expect(TicketNumber.make(date: lateEvening, timeZone: utc, systemID: 1, counter: 1).rawValue == "2026112701000012")
        // … + 1·2 + 7·1 = 46 → 4
        #expect(TicketNumber.make(date: lateEvening, timeZone: utc, systemID: 1, counter: 17).rawValue == "2026112701000174")
    }

    @Test func checkDigitTenBecomesOne() {
        // 37 + 3·1 = 40 → 10 − 0 = 10 → 1
        #expect(TicketNumber.make(date: lateEvening, timeZone: utc, systemID: 1, counter: 3).rawValue == "2026112701000031")
    }

    @Test func usesTheDayInTheGivenTimeZone() {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        // Sum 97 → 3 for the 28th in Berlin; the 27th (7·2 instead of 8·2) sums to 95 → 5.
        #expect(TicketNumber.make(date: lateEvening, timeZone: berlin, systemID: 99, counter: 123_456).rawValue
            == "20261128991234563")
        #expect(TicketNumber.make(date: lateEvening, timeZone: utc, systemID: 99, counter: 123_456).rawValue
            == "20261127991234565")
    }

    @Test func padsSystemIDAndCounter() {
        let number = TicketNumber.make(date: lateEvening, timeZone: utc, systemID: 0, counter: 0)
        #expect(number.rawValue.hasPrefix("202611270000000"))
        #expect(number.rawValue.count == 16)
        #expect(TicketNumber.isWellFormed(number.rawValue))
    }

    @Test func madeNumbersValidate() {
        for counter in [1, 9, 10, 99_999, 100_000, 47_110_815] {
            let number = TicketNumber.make(date: lateEvening, timeZone: utc, systemID: 42, counter: counter)
            #expect(TicketNumber(validating: number.rawValue) == number)
            #expect(number.systemID == 42)
            #expect(number.description == number.rawValue)
        }
    }

    @Test(arguments: [
        ("2026112701000012", true),
        ("2026112701000013", false),  // wrong check digit
        ("202611270100001", false),  // too short
        ("2026112701000012345678901234567", false),  // 31 digits
        ("20261127O1000012", false),  // letter O
        (" 2026112701000012", false),
        ("２０２６１１２７０１０００００１２", false),  // full-width digits
        ("2024022901000011", true),  // 29 February of a leap year
        ("2025022901000019", false),  // right check digit, but 2025 has no 29 February
        ("2026023001000014", false),  // right check digit, but no 30 February
        ("2026130101000012", false),  // right check digit, but month 13
        ("", false),
    ])
    func wellFormedness(text: String, expected: Bool) {
        #expect(TicketNumber.isWellFormed(text) == expected)
        #expect((TicketNumber(validating: text) != nil) == expected)
    }

    @Test func extractsNumberFromReplySubject() {
        #expect(TicketNumber.extract(fromSubject: "Re: [Ticket#2026112701000012] Drucker") == ["2026112701000012"])
    }

    @Test func ignoresNumbersWithWrongCheckDigit() {
        #expect(TicketNumber.extract(fromSubject: "Re: [Ticket#2026112701000017] Drucker").isEmpty)
    }

    @Test func extractsAllInOrderOnceEachIgnoringHookCase() {
        let subject = "AW: Ticket#2026112701000174 und [ticket#2026112701000012], nochmal TICKET#2026112701000174"
        #expect(TicketNumber.extract(fromSubject: subject) == ["2026112701000174", "2026112701000012"])
    }

    @Test func takesDigitRunsWhole() {
        // The first 16 digits would be a valid number, but the run is 17 digits long.
        #expect(TicketNumber.extract(fromSubject: "Ticket#20261127010000120").isEmpty)
        #expect(TicketNumber.extract(fromSubject: "Ticket#2026112701000012: Drucker") == ["2026112701000012"])
    }

    @Test func needsDigitsRightAfterTheHook() {
        #expect(TicketNumber.extract(fromSubject: "Ticket# 2026112701000012").isEmpty)
        #expect(TicketNumber.extract(fromSubject: "2026112701000012").isEmpty)
        #expect(TicketNumber.extract(fromSubject: "Ticket#").isEmpty)
        #expect(TicketNumber.extract(fromSubject: "Ticket#Ticket#2026112701000012") == ["2026112701000012"])
    }

    @Test func usesTheGivenHook() {
        let subject = "[KIX#2026112701000012] Ticket#2026112701000174"
        #expect(TicketNumber.extract(fromSubject: subject, hook: "KIX#") == ["2026112701000012"])
        #expect(TicketNumber.extract(fromSubject: subject) == ["2026112701000174"])
        #expect(TicketNumber.extract(fromSubject: subject, hook: "").isEmpty)
    }
}
