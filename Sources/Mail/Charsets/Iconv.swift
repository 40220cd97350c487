#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversion to UTF-8 through glibc's `iconv`, one handle per call so that any thread may decode.
enum Iconv {
    struct Converted {
        var text: String
        /// Whether some bytes were not valid in the charset and became U+FFFD.
        var hadInvalidBytes: Bool
    }

    static func canDecode(from charset: String) -> Bool {
        let handle = iconv_open("UTF-8", charset)
        guard handle != invalidHandle else { return false }
        iconv_close(handle)
        return true
    }

    /// `bytes` converted from `charset` (a checked `iconv` name), or nil if `iconv` has no such converter.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from charset: String) -> Converted? {
        let handle = iconv_open("UTF-8", charset)
        guard handle != invalidHandle else { return nil }
        defer { iconv_close(handle) }

        var capacity = max(64, bytes.count * 3 + 16)
        var output = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { output.deallocate() }
        var used = 0
        var hadInvalidBytes = false
        guard let base = bytes.baseAddress else { return Converted(text: "", hadInvalidBytes: false) }

        var input: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base)
            .assumingMemoryBound(to: CChar.self)
        var inputLeft = bytes.count
        var flushed = false

        while true {
            if capacity - used < 16 {
                grow(&output, capacity: &capacity, used: used)
            }
            var outputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output + used)
                .assumingMemoryBound(to: CChar.self)
            var outputLeft = capacity - used
            let result: Int
            if inputLeft > 0 {
                result = iconv(handle, &input, &inputLeft, &outputPointer, &outputLeft)
            } else {
                // Let stateful charsets (ISO-2022-JP) write what a final shift sequence needs.
                result = iconv(handle, nil, nil, &outputPointer, &outputLeft)
                flushed = true
            }
            used = capacity - outputLeft
            if result != -1 {
                if flushed { break }
                continue
            }
            let error = errno
            if error == E2BIG {
                grow(&output, capacity: &capacity, used: used)
            } else if error == EILSEQ, inputLeft > 0 {
                hadInvalidBytes = true
                appendReplacement(&output, capacity: &capacity, used: &used)
                input = input.map { $0 + 1 }
                inputLeft -= 1
            } else {
                // EINVAL: an incomplete sequence at the end of the input.
                if inputLeft > 0 {
                    hadInvalidBytes = true
                    appendReplacement(&output, capacity: &capacity, used: &used)
                    inputLeft = 0
                }
                if flushed { break }
            }
        }
        let text = String(decoding: UnsafeBufferPointer(start: output, count: used), as: UTF8.self)
        return Converted(text: text, hadInvalidBytes: hadInvalidBytes)
    }

    private static var invalidHandle: iconv_t? { iconv_t(bitPattern: -1) }

    private static func grow(_ output: inout UnsafeMutablePointer<UInt8>, capacity: inout Int, used: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: output, count: used)
        output.deallocate()
        output = larger
        capacity *= 2
    }

    private static func appendReplacement(
        _ output: inout UnsafeMutablePointer<UInt8>, capacity: inout Int, used: inout Int
    ) {
        if capacity - used < 3 { grow(&output, capacity: &capacity, used: used) }
        output[used] = 0xEF
        output[used + 1] = 0xBF
        output[used + 2] = 0xBD
        used += 3
    }
}
