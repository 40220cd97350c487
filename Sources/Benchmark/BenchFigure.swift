import Foundation

/// One measured figure, printed as one JSON object per line.
public struct BenchFigure: Sendable, Codable, Equatable {
    /// Whether a bigger or a smaller value is better.
    public enum Direction: String, Sendable, Codable {
        case higher
        case lower
    }

    public var name: String
    public var value: Double
    public var unit: String
    /// Tickets in the database while measuring.
    public var tickets: Int
    /// `sqlite` or `postgres`.
    public var backend: String
    /// DESIGN.md's target for this figure on this backend, if it has one.
    public var target: Double?
    public var better: Direction?
    /// Whether the value meets the target (nil without one).
    public var met: Bool?
    /// The median alongside a tail percentile.
    public var p50: Double?
    /// How many measurements the value rests on.
    public var samples: Int?
    public var note: String?

    public init(
        name: String, value: Double, unit: String, tickets: Int, backend: String, target: Double? = nil, better: Direction? = nil,
        p50: Double? = nil, samples: Int? = nil, note: String? = nil
    ) {
        self.name = name
        self.value = value
        self.unit = unit
        self.tickets = tickets
        self.backend = backend
        self.target = target
        self.better = better
        self.p50 = p50
        self.samples = samples
        self.note = note
        if let target, let better {
            met = better == .higher ? value >= target : value <= target
        }
    }

    /// The figure as one line of JSON, keys in a fixed order (name, value, unit, tickets, backend, then the
    /// optional ones), numbers rounded to what the measurement supports.
    public var jsonLine: String {
        var fields: [(String, String)] = [
            ("name", Self.json(name)), ("value", Self.json(Self.round(value))), ("unit", Self.json(unit)),
            ("tickets", String(tickets)), ("backend", Self.json(backend)),
        ]
        if let target { fields.append(("target", Self.json(target))) }
        if let better { fields.append(("better", Self.json(better.rawValue))) }
        if let met { fields.append(("met", met ? "true" : "false")) }
        if let p50 { fields.append(("p50", Self.json(Self.round(p50)))) }
        if let samples { fields.append(("samples", String(samples))) }
        if let note { fields.append(("note", Self.json(note))) }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    /// A JSON number: whole numbers without a fraction.
    static func json(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// Three significant digits, at most three decimals.
    static func round(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let digits = max(0, min(3, 2 - Int(floor(log10(abs(value))))))
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}
