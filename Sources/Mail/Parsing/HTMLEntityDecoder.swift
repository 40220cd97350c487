/// Character references in HTML (`&auml;`, `&#228;`, `&#xE4;`), for ``HTMLTextExtractor``.
enum HTMLEntityDecoder {
    /// The character of the reference starting with `&` at `start` and the index after it; nil (and `start`) if
    /// there is no reference there. Numeric references may lack the `;`; `&#128;`–`&#159;` are Windows-1252.
    static func reference(in input: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar?, Int) {
        var index = start + 1
        let count = input.count
        guard index < count else { return (nil, start) }
        if input[index] == UInt8(ascii: "#") {
            index += 1
            var radix: UInt32 = 10
            if index < count, input[index] == UInt8(ascii: "x") || input[index] == UInt8(ascii: "X") {
                radix = 16
                index += 1
            }
            var value: UInt32 = 0
            let digitsStart = index
            while index < count, index - digitsStart < 8 {
                let byte = input[index]
                let digit: UInt32
                if let hex = ASCII.hexValue(byte), radix == 16 || hex < 10 {
                    digit = UInt32(hex)
                } else {
                    break
                }
                value = value * radix + digit
                index += 1
            }
            guard index > digitsStart else { return (nil, start) }
            if index < count, input[index] == ASCII.semicolon { index += 1 }
            if value >= 0x80, value < 0xA0 {
                var byte = UInt8(value)
                let text = withUnsafePointer(to: &byte) { Windows1252.decode(UnsafeBufferPointer(start: $0, count: 1)) }
                return (text.unicodeScalars.first, index)
            }
            return (Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? "\u{FFFD}", index)
        }
        let nameStart = index
        while index < count, index - nameStart < 10,
              (input[index] >= 0x61 && input[index] <= 0x7A) || (input[index] >= 0x41 && input[index] <= 0x5A)
                || (input[index] >= 0x30 && input[index] <= 0x39) {
            index += 1
        }
        let name = String(decoding: input[nameStart..<index], as: UTF8.self)
        guard let value = named[name] else { return (nil, start) }
        if index < count, input[index] == ASCII.semicolon {
            index += 1
        } else if !["amp", "lt", "gt", "quot", "nbsp"].contains(name) {
            return (nil, start)
        }
        return (Unicode.Scalar(value), index)
    }

    private static let latin1Names = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
        "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
        "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
        "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
        "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
        "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
        "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
        "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ]

    private static let named: [String: UInt32] = {
        var table: [String: UInt32] = [
            "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "euro": 0x20AC, "hellip": 0x2026, "ndash": 0x2013,
            "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D,
            "bdquo": 0x201E, "bull": 0x2022, "trade": 0x2122, "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160,
            "scaron": 0x161, "Yuml": 0x178, "zwnj": 0x200C, "zwj": 0x200D, "thinsp": 0x2009, "ensp": 0x2002,
            "emsp": 0x2003, "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030, "lsaquo": 0x2039, "rsaquo": 0x203A,
            "rarr": 0x2192, "larr": 0x2190, "minus": 0x2212,
        ]
        for (offset, name) in latin1Names.enumerated() { table[name] = UInt32(0xA0 + offset) }
        return table
    }()
}
