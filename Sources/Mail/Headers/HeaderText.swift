/// Clean-up of text that goes into header values.
enum HeaderText {
    /// `text` with CR and LF replaced by spaces and NUL removed, so that the value is one line that any store
    /// accepts (PostgreSQL rejects NUL in text).
    static func sanitized(_ text: String) -> String {
        guard needsSanitizing(text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == ASCII.cr || byte == ASCII.lf {
                bytes.append(ASCII.space)
            } else if byte != 0 {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsSanitizing(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { buffer in
            buffer.contains { $0 == ASCII.cr || $0 == ASCII.lf || $0 == 0 }
        }
        return found ?? text.utf8.contains { $0 == ASCII.cr || $0 == ASCII.lf || $0 == 0 }
    }
}
