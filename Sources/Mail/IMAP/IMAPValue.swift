/// A value in a server response: an atom (numbers, flags, `BODY[]` …), a string (quoted or literal), a
/// parenthesised list, or `NIL`.
indirect enum IMAPValue: Sendable, Equatable {
    case atom(String)
    case string([UInt8])
    case list([IMAPValue])
    case `nil`

    /// The atom's text, or nil.
    var atomText: String? {
        if case .atom(let text) = self { text } else { nil }
    }

    /// The atom read as a number, or nil.
    var number: Int? { atomText.flatMap { Int($0) } }

    /// The bytes of a string, or nil (also for `NIL`).
    var bytes: [UInt8]? {
        if case .string(let bytes) = self { bytes } else { nil }
    }
}
