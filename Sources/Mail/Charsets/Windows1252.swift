/// The Windows-1252 charset, decoded here because it is the last resort that must never fail: Foundation rejects
/// its five undefined bytes, which become the C1 controls of the same value (as browsers decode them).
enum Windows1252 {
    /// Unicode scalars of the bytes 0x80–0x9F; the rest of the charset is Latin-1.
    private static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 3) { output in
            var count = 0
            for byte in bytes {
                let scalar: UInt32 = byte >= 0x80 && byte < 0xA0 ? UInt32(high[Int(byte) - 0x80]) : UInt32(byte)
                if scalar < 0x80 {
                    output[count] = UInt8(scalar)
                    count += 1
                } else if scalar < 0x800 {
                    output[count] = UInt8(0xC0 | (scalar >> 6))
                    output[count + 1] = UInt8(0x80 | (scalar & 0x3F))
                    count += 2
                } else {
                    output[count] = UInt8(0xE0 | (scalar >> 12))
                    output[count + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    output[count + 2] = UInt8(0x80 | (scalar & 0x3F))
                    count += 3
                }
            }
            return count
        }
    }
}
