/// The message as the `DATA` phase sends it (RFC 5321 section 4.5.2): every line ends with CRLF (bare CR and LF
/// become CRLF) and a line starting with `.` gets a second one. The terminating `.` line is not included: the
/// client writes it separately, after it has recorded that the message is about to be committed.
enum DotStuffing {
    static func encode(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 50 + 4)
        var atLineStart = true
        var index = 0
        while index < message.count {
            let byte = message[index]
            if atLineStart && byte == 0x2E { output.append(0x2E) }
            switch byte {
            case 0x0D:
                output += [0x0D, 0x0A]
                if index + 1 < message.count, message[index + 1] == 0x0A { index += 1 }
                atLineStart = true
            case 0x0A:
                output += [0x0D, 0x0A]
                atLineStart = true
            default:
                output.append(byte)
                atLineStart = false
            }
            index += 1
        }
        if !atLineStart || output.isEmpty { output += [0x0D, 0x0A] }
        return output
    }
}
