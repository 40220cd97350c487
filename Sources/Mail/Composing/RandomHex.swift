/// Random hexadecimal strings for Message-IDs and boundaries, from the system's secure generator.
enum RandomHex {
    static func make(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var digits: [UInt8] = []
        digits.reserveCapacity(count * 2)
        for _ in 0..<count {
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            digits.append(ASCII.upperHexDigits[Int(byte >> 4)] | 0x20)
            digits.append(ASCII.upperHexDigits[Int(byte & 0x0F)] | 0x20)
        }
        return String(decoding: digits, as: UTF8.self)
    }
}
