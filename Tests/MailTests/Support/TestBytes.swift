import Foundation

/// Building message bytes in tests.
enum TestBytes {
    /// `text` as UTF-8 with every `\n` turned into CRLF, as messages travel over SMTP.
    static func crlf(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 20)
        for byte in text.utf8 {
            if byte == 0x0A { output.append(0x0D) }
            output.append(byte)
        }
        return output
    }

    /// `text` as UTF-8 with `\n` line breaks, as an MTA's pipe hands messages to `mailgate`.
    static func lf(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `text` in ISO-8859-1 (every character must be in it), for raw 8-bit headers and bodies.
    static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            precondition(scalar.value < 256, "not in ISO-8859-1: \(scalar)")
            return UInt8(scalar.value)
        }
    }

    /// Standard base64 in lines of 76 characters with CRLF, for generated attachments.
    static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return encoded
    }

    /// Deterministic pseudo-random bytes (SplitMix64), for large attachments that must not compress.
    static func pseudoRandom(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var output = [UInt8](repeating: 0, count: count)
        var index = 0
        while index < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            for shift in stride(from: 0, to: 64, by: 8) where index < count {
                output[index] = UInt8(truncatingIfNeeded: z >> UInt64(shift))
                index += 1
            }
        }
        return output
    }
}
