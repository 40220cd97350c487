import Foundation

/// A ticket number in KIX/Znuny's "DateChecksum" format: the creation day as `YYYYMMDD`, a two-digit system
/// id, the day's counter (zero-padded to at least five digits) and a check digit, e.g. `2026112701000012`.
///
/// The check digit follows Znuny: multiply the digits left to right by 1, 2, 1, 2 …, sum the products,
/// take `10 - sum % 10`, and use 1 where that gives 10.
public struct TicketNumber: Hashable, Sendable, CustomStringConvertible {
    /// Date (8), system id (2), counter (at least 5) and check digit (1).
    private static let minimumLength = 16
    /// The length with a counter of `Int.max` (19 digits), the longest `make` can produce.
    private static let maximumLength = 30

    /// The number's digits.
    public let rawValue: String

    private init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    /// Accepts `text` only if `isWellFormed(text)`.
    public init?(validating text: String) {
        guard Self.isWellFormed(text) else { return nil }
        self.init(unchecked: text)
    }

    /// The number for the `counter`th ticket of `date`'s day in `timeZone` on system `systemID`.
    ///
    /// - Precondition: `systemID` is in 0...99, `counter` is not negative, and the date's year is in 1...9999.
    public static func make(date: Date, timeZone: TimeZone, systemID: Int, counter: Int) -> TicketNumber {
        precondition((0...99).contains(systemID), "TicketNumber: system id \(systemID) is not in 0...99")
        precondition(counter >= 0, "TicketNumber: counter \(counter) is negative")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = day.year, let month = day.month, let dayOfMonth = day.day, (1...9999).contains(year) else {
            preconditionFailure("TicketNumber: \(date) has no four-digit year")
        }
        let digits = GregorianDate.padded(year, width: 4) + GregorianDate.padded(month, width: 2)
            + GregorianDate.padded(dayOfMonth, width: 2) + GregorianDate.padded(systemID, width: 2)
            + GregorianDate.padded(counter, width: 5)
        return TicketNumber(unchecked: digits + String(checkDigit(for: Array(digits.utf8))))
    }

    /// Whether `text` is a ticket number: 16 to 30 ASCII digits starting with a real date, ending in the
    /// right check digit.
    public static func isWellFormed(_ text: String) -> Bool {
        let digits = Array(text.utf8)
        guard (minimumLength...maximumLength).contains(digits.count),
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let year = GregorianDate.decimal(digits[0..<4]),
              let month = GregorianDate.decimal(digits[4..<6]),
              let day = GregorianDate.decimal(digits[6..<8]),
              GregorianDate(year: year, month: month, day: day) != nil
        else { return false }
        return Int(digits[digits.count - 1] - UInt8(ascii: "0")) == checkDigit(for: digits.dropLast())
    }

    /// Well-formed ticket numbers that follow `hook` in a mail subject, such as `2026112701000012` in
    /// `Re: [Ticket#2026112701000012] Drucker`, in order of appearance and without repeats.
    ///
    /// The hook is matched case-insensitively and must be followed directly by the digits, with or without
    /// the surrounding brackets; a run of digits is taken whole, never cut to fit. An empty hook finds nothing.
    /// Whether a number belongs to this system is for the caller to check.
    public static func extract(fromSubject subject: String, hook: String = "Ticket#") -> [String] {
        guard !hook.isEmpty else { return [] }
        var numbers: [String] = []
        var searchStart = subject.startIndex
        while let found = subject.range(of: hook, options: .caseInsensitive, range: searchStart..<subject.endIndex) {
            var end = found.upperBound
            while end < subject.endIndex, ("0"..."9").contains(subject[end]) {
                end = subject.index(after: end)
            }
            let candidate = String(subject[found.upperBound..<end])
            if isWellFormed(candidate), !numbers.contains(candidate) {
                numbers.append(candidate)
            }
            searchStart = end
        }
        return numbers
    }

    /// The system id, the two digits after the date.
    public var systemID: Int {
        let digits = Array(rawValue.utf8)
        return Int(digits[8] - UInt8(ascii: "0")) * 10 + Int(digits[9] - UInt8(ascii: "0"))
    }

    public var description: String { rawValue }

    /// Znuny's check digit for ASCII `digits`.
    private static func checkDigit(for digits: some Collection<UInt8>) -> Int {
        var sum = 0
        for (offset, digit) in digits.enumerated() {
            sum += Int(digit - UInt8(ascii: "0")) * (offset.isMultiple(of: 2) ? 1 : 2)
        }
        let check = 10 - sum % 10
        return check == 10 ? 1 : check
    }
}
