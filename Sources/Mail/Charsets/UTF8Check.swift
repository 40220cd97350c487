/// Quick checks on bytes that decide how to decode them.
enum UTF8Check {
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// Whether `bytes` are valid UTF-8 and contain at least one multi-byte sequence: such text is UTF-8 whatever
    /// its label says, as Latin-1 text practically never forms valid UTF-8 sequences.
    static func isUTF8WithMultibyteSequences(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !isASCII(bytes) && String(validating: bytes, as: UTF8.self) != nil
    }

    /// Whether `bytes` contain at least one well-formed multi-byte UTF-8 sequence (of non-overlong form).
    static func containsMultibyteSequence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default:
                index += 1
                continue
            }
            if index + length <= count,
               (1..<length).allSatisfy({ bytes[index + $0] & 0xC0 == 0x80 }),
               String(validating: UnsafeBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self) != nil {
                return true
            }
            index += 1
        }
        return false
    }
}
