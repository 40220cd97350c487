/// Base64 as mail uses it (RFC 2045): decoding that recovers what it can, encoding in lines of 76 characters.
enum Base64 {
    struct Decoded {
        var bytes: [UInt8]
        /// Characters outside the alphabet that were skipped (white space does not count).
        var invalidCharacters: Int
        /// Spaces and tabs, which base64 as mailers write it does not have inside lines.
        var blanks: Int
        /// Whether the data ended in the middle of a group of four characters.
        var truncated: Bool
    }

    private static let invalid: UInt8 = 0xFF
    private static let skip: UInt8 = 0xFE
    private static let pad: UInt8 = 0xFD

    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        // URL-safe variants, which some generators use.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        for byte in [ASCII.space, ASCII.tab, ASCII.cr, ASCII.lf, 0x0B, 0x0C] { table[Int(byte)] = skip }
        table[Int(ASCII.equals)] = pad
        return table
    }()

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Decodes `input`, skipping white space and characters outside the alphabet. Padding in the middle (several
    /// encoded pieces run together) ends one group and decoding goes on after it.
    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> Decoded {
        var invalidCharacters = 0
        var blanks = 0
        var count = 0
        var quantum: UInt32 = 0
        var quantumLength = 0
        let output = decodeTable.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: input.count / 4 * 3 + 3) { buffer, initialized in
                for byte in input {
                    let value = table[Int(byte)]
                    if value < 64 {
                        quantum = quantum << 6 | UInt32(value)
                        quantumLength += 1
                        if quantumLength == 4 {
                            buffer[count] = UInt8(truncatingIfNeeded: quantum >> 16)
                            buffer[count + 1] = UInt8(truncatingIfNeeded: quantum >> 8)
                            buffer[count + 2] = UInt8(truncatingIfNeeded: quantum)
                            count += 3
                            quantum = 0
                            quantumLength = 0
                        }
                    } else if value == skip {
                        if byte == ASCII.space || byte == ASCII.tab { blanks += 1 }
                        continue
                    } else if value == pad {
                        flush(&quantum, &quantumLength, into: buffer, count: &count)
                    } else {
                        invalidCharacters += 1
                    }
                }
                initialized = count
            }
        }
        var result = output
        let truncated = quantumLength == 1
        if quantumLength > 1 {
            result.append(contentsOf: partial(quantum, quantumLength))
        }
        return Decoded(bytes: result, invalidCharacters: invalidCharacters, blanks: blanks, truncated: truncated)
    }

    static func decode(_ input: some Collection<UInt8>) -> Decoded {
        if let result = input.withContiguousStorageIfAvailable({ decode($0) }) { return result }
        return Array(input).withUnsafeBufferPointer { decode($0) }
    }

    @inline(__always)
    private static func flush(
        _ quantum: inout UInt32, _ length: inout Int, into buffer: UnsafeMutableBufferPointer<UInt8>, count: inout Int
    ) {
        for byte in partial(quantum, length) {
            buffer[count] = byte
            count += 1
        }
        quantum = 0
        length = 0
    }

    /// The bytes of a group of two or three characters (a group of one holds no whole byte).
    private static func partial(_ quantum: UInt32, _ length: Int) -> [UInt8] {
        switch length {
        case 2: [UInt8(truncatingIfNeeded: quantum >> 4)]
        case 3: [UInt8(truncatingIfNeeded: quantum >> 10), UInt8(truncatingIfNeeded: quantum >> 2)]
        default: []
        }
    }

    /// `bytes` in base64, without line breaks.
    static func encode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        encode(bytes, lineLength: nil) { output.append(contentsOf: $0) }
        return output
    }

    /// `bytes` in base64, in lines of 76 characters ending in CRLF.
    static func encodeLines(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4 * 78 / 76 + 2)
        encode(bytes, lineLength: 76) { output.append(contentsOf: $0) }
        return output
    }

    private static func encode(
        _ bytes: some Collection<UInt8>, lineLength: Int?, _ emit: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let body: (UnsafeBufferPointer<UInt8>) -> Void = { input in
            alphabet.withUnsafeBufferPointer { table in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { line in
                    var column = 0
                    var index = 0
                    let count = input.count
                    while index < count {
                        let b0 = UInt32(input[index])
                        let b1 = index + 1 < count ? UInt32(input[index + 1]) : 0
                        let b2 = index + 2 < count ? UInt32(input[index + 2]) : 0
                        let group = b0 << 16 | b1 << 8 | b2
                        line[column] = table[Int(group >> 18 & 0x3F)]
                        line[column + 1] = table[Int(group >> 12 & 0x3F)]
                        line[column + 2] = index + 1 < count ? table[Int(group >> 6 & 0x3F)] : ASCII.equals
                        line[column + 3] = index + 2 < count ? table[Int(group & 0x3F)] : ASCII.equals
                        column += 4
                        index += 3
                        if let lineLength, column >= lineLength {
                            line[column] = ASCII.cr
                            line[column + 1] = ASCII.lf
                            emit(UnsafeBufferPointer(rebasing: line[0..<column + 2]))
                            column = 0
                        } else if lineLength == nil, column >= 76 {
                            emit(UnsafeBufferPointer(rebasing: line[0..<column]))
                            column = 0
                        }
                    }
                    if column > 0 {
                        if lineLength != nil {
                            line[column] = ASCII.cr
                            line[column + 1] = ASCII.lf
                            column += 2
                        }
                        emit(UnsafeBufferPointer(rebasing: line[0..<column]))
                    }
                }
            }
        }
        if bytes.withContiguousStorageIfAvailable(body) == nil {
            Array(bytes).withUnsafeBufferPointer(body)
        }
    }
}
