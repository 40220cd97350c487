import Foundation

/// A MIME charset name, normalised and sorted by who decodes it.
enum CharsetLabel: Equatable {
    case utf8
    /// US-ASCII, which in practice means "whatever the sender's system used": decoded as UTF-8 or guessed.
    case ascii
    /// Windows-1252 and ISO-8859-1, which mail uses interchangeably.
    case windows1252
    /// Another charset, by the name `iconv` knows it under (upper case, checked to be a plain name).
    case other(String)
    /// A label that is no charset name at all.
    case invalid

    init(_ label: String) {
        var name = ASCII.lowercased(ASCII.trimmed(label))
        if name.utf8.first == ASCII.quote || name.utf8.first == ASCII.apostrophe {
            name = String(name.unicodeScalars.filter { $0 != "\"" && $0 != "'" })
        }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-utf-8", "x-unicode20utf8", "unicode-2-0-utf-8":
            self = .utf8
        case "", "us-ascii", "ascii", "us", "ansi_x3.4-1968", "iso646-us", "iso-646-us", "ibm367", "cp367", "csascii":
            self = .ascii
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "iso_8859-1:1987", "iso-8859-1:1987", "latin1", "latin-1", "l1",
            "cp819", "ibm819", "iso-ir-100", "csisolatin1", "windows-1252", "cp1252", "x-cp1252", "cp-1252",
            "win-1252", "windows1252", "ansi", "iso8859_1", "8859-1", "iso-latin-1":
            self = .windows1252
        default:
            if let alias = Self.aliases[name] {
                self = .other(alias)
            } else if name.utf8.count <= 40, !name.utf8.isEmpty, name.utf8.allSatisfy(Self.isNameByte) {
                self = .other(name.uppercased())
            } else {
                self = .invalid
            }
        }
    }

    /// Whether ASCII bytes mean ASCII characters in this charset.
    var isASCIICompatible: Bool {
        guard case .other(let name) = self else { return true }
        return !(name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") || name.hasPrefix("UCS") || name.hasPrefix("UTF-7")
            || name.hasPrefix("ISO-2022") || name.hasPrefix("CSISO2022") || name.hasPrefix("HZ") || name.hasPrefix("UNICODE"))
    }

    /// Letters, digits and `-_.:`: nothing `iconv_open` could read as a path or an option (`//TRANSLIT`).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x61...0x7A, 0x41...0x5A, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: ":"):
            true
        default:
            false
        }
    }

    /// Labels mail uses that `iconv` does not know, or knows as a smaller charset than senders mean (as the
    /// WHATWG Encoding standard maps them).
    private static let aliases: [String: String] = [
        "latin9": "ISO-8859-15", "latin-9": "ISO-8859-15", "l9": "ISO-8859-15", "iso8859-15": "ISO-8859-15",
        "iso_8859-15": "ISO-8859-15", "iso-8859-15": "ISO-8859-15",
        "ks_c_5601-1987": "CP949", "euc-kr": "CP949", "ks_c_5601-1989": "CP949", "ksc5601": "CP949",
        "shift_jis": "CP932", "shift-jis": "CP932", "x-sjis": "CP932", "sjis": "CP932", "ms_kanji": "CP932",
        "csshiftjis": "CP932", "windows-31j": "CP932",
        "gb2312": "GBK", "x-gbk": "GBK", "csgb2312": "GBK", "euc-cn": "GBK", "chinese": "GBK", "cp936": "GBK",
        "big5": "BIG5-HKSCS", "x-x-big5": "BIG5-HKSCS", "cn-big5": "BIG5-HKSCS", "csbig5": "BIG5-HKSCS",
        "iso-8859-8-i": "ISO-8859-8", "x-mac-roman": "MACINTOSH", "mac": "MACINTOSH", "x-mac": "MACINTOSH",
        "windows-874": "CP874", "x-cp1250": "CP1250", "x-cp1251": "CP1251", "unicode-1-1-utf-7": "UTF-7",
        "x-euc-jp": "EUC-JP",
    ]

    /// The Foundation encoding for an `iconv` name, for systems whose `iconv` lacks the converter.
    static func foundationEncoding(_ name: String) -> String.Encoding? {
        switch name {
        case "ISO-8859-2", "LATIN2", "ISO8859-2", "ISO_8859-2": .isoLatin2
        case "WINDOWS-1250", "CP1250": .windowsCP1250
        case "WINDOWS-1251", "CP1251": .windowsCP1251
        case "UTF-16": .utf16
        case "UTF-16LE": .utf16LittleEndian
        case "UTF-16BE": .utf16BigEndian
        case "ISO-2022-JP": .iso2022JP
        case "CP932": .shiftJIS
        case "EUC-JP": .japaneseEUC
        default: nil
        }
    }
}
