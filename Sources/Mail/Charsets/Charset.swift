import Foundation

/// Decoding of text in the charsets mail uses, named as MIME names them (`charset=` parameters, encoded words).
///
/// UTF-8, US-ASCII, ISO-8859-1 and Windows-1252 are decoded here (ISO-8859-1 as Windows-1252, as browsers and
/// mail clients do: the bytes 0x80–0x9F in mail labelled Latin-1 are always Windows characters). Every other
/// charset goes through glibc's `iconv` (KOI8-R, ISO-8859-2/-15, Windows-1250/1251, Shift_JIS, ISO-2022-JP,
/// GB2312/GBK, Big5, UTF-16 …), with Foundation's `String.Encoding` as a fallback where `iconv` lacks a converter;
/// `iconv` is used first because Foundation is several times slower on Linux.
///
/// Decoding never fails. Bytes the charset does not define become U+FFFD. Text in a charset nobody knows is read
/// as UTF-8 if it is valid UTF-8, else as Windows-1252. Text labelled UTF-8 that is not valid UTF-8 and holds no
/// UTF-8 sequence at all is read as Windows-1252 (a mislabelled Latin-1 text); text labelled with a Western
/// single-byte charset that is valid UTF-8 with non-ASCII sequences is read as UTF-8 (a mislabelled UTF-8 text).
/// Safe to call from any thread: each call opens its own `iconv` handle.
public enum Charset {
    /// `bytes` decoded from `charset` (a MIME charset name such as `"iso-8859-1"`; nil means US-ASCII).
    public static func decode(_ bytes: [UInt8], charset: String?) -> String {
        bytes.withUnsafeBufferPointer { decodeReporting($0, charset: charset).text }
    }

    /// `bytes` decoded from `charset` (a MIME charset name such as `"iso-8859-1"`; nil means US-ASCII).
    public static func decode(_ bytes: ArraySlice<UInt8>, charset: String?) -> String {
        bytes.withUnsafeBufferPointer { decodeReporting($0, charset: charset).text }
    }

    /// Whether `charset` is a name this decoder knows, rather than one it has to guess for.
    public static func isKnown(_ charset: String) -> Bool {
        switch CharsetLabel(charset) {
        case .utf8, .ascii, .windows1252: return true
        case .other(let name): return Iconv.canDecode(from: name) || CharsetLabel.foundationEncoding(name) != nil
        case .invalid: return false
        }
    }

    /// Decoded text and, when the bytes did not match their label, what was done about it.
    struct Decoded {
        var text: String
        var problem: String?
    }

    static func decodeReporting(_ bytes: UnsafeBufferPointer<UInt8>, charset: String?) -> Decoded {
        let label = charset.map(CharsetLabel.init) ?? .ascii
        // ASCII is ASCII in every charset but the 7-bit and 16-bit ones (ISO-2022-JP, UTF-7, UTF-16 …).
        if label.isASCIICompatible, UTF8Check.isASCII(bytes) {
            return Decoded(text: String(decoding: bytes, as: UTF8.self))
        }
        switch label {
        case .utf8, .ascii:
            return decodeAsUTF8OrGuess(bytes, label: charset ?? "us-ascii", known: true)
        case .windows1252:
            if UTF8Check.isUTF8WithMultibyteSequences(bytes) {
                return Decoded(text: String(decoding: bytes, as: UTF8.self),
                               problem: "text labelled \(charset ?? "") is UTF-8; decoded as UTF-8")
            }
            return Decoded(text: Windows1252.decode(bytes))
        case .other(let name):
            if name == "ISO-8859-15", UTF8Check.isUTF8WithMultibyteSequences(bytes) {
                return Decoded(text: String(decoding: bytes, as: UTF8.self),
                               problem: "text labelled \(charset ?? "") is UTF-8; decoded as UTF-8")
            }
            if let converted = Iconv.decode(bytes, from: name) {
                let problem = converted.hadInvalidBytes
                    ? "text is not valid \(charset ?? name); invalid bytes replaced" : nil
                return Decoded(text: converted.text, problem: problem)
            }
            if let encoding = CharsetLabel.foundationEncoding(name),
               let text = String(bytes: bytes, encoding: encoding) {
                return Decoded(text: text)
            }
            return decodeAsUTF8OrGuess(bytes, label: charset ?? name, known: false)
        case .invalid:
            return decodeAsUTF8OrGuess(bytes, label: charset ?? "", known: false)
        }
    }

    /// UTF-8 if valid; else, for text with valid UTF-8 sequences, UTF-8 with replacement characters; else
    /// Windows-1252.
    private static func decodeAsUTF8OrGuess(_ bytes: UnsafeBufferPointer<UInt8>, label: String, known: Bool) -> Decoded {
        let unknown = known ? nil : "unknown charset \"\(label)\""
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, problem: unknown.map { "\($0); decoded as UTF-8" })
        }
        if UTF8Check.containsMultibyteSequence(bytes) {
            return Decoded(text: String(decoding: bytes, as: UTF8.self),
                           problem: (unknown.map { "\($0); " } ?? "") + "text is not valid UTF-8; invalid bytes replaced")
        }
        let what = unknown ?? "text labelled \(label) is not UTF-8"
        return Decoded(text: Windows1252.decode(bytes), problem: "\(what); decoded as windows-1252")
    }
}
