import Foundation

/// A language the web interface speaks. German is the default for new installations.
public enum UILanguage: String, Sendable, CaseIterable {
    case de, en

    /// The cookie that remembers an anonymous visitor's choice.
    static let cookie = "tw_lang"

    /// The user's saved choice wins, then the visitor's cookie, then the first supported
    /// language of `Accept-Language` (by quality), then German.
    static func negotiate(saved: String?, cookie: String?, acceptLanguage: String?) -> UILanguage {
        if let saved, let language = UILanguage(rawValue: saved) { return language }
        if let cookie, let language = UILanguage(rawValue: cookie) { return language }
        let ranked = (acceptLanguage ?? "").split(separator: ",").compactMap { entry -> (tag: String, quality: Double)? in
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty else { return nil }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag.lowercased(), quality)
        }
        for entry in ranked.sorted(by: { $0.quality > $1.quality }) where entry.quality > 0 {
            let primary = entry.tag.split(separator: "-").first.map(String.init) ?? entry.tag
            if let language = UILanguage(rawValue: primary) { return language }
        }
        return .de
    }

    /// The BCP 47 tag for `<html lang>` and date formatting.
    var locale: Locale { Locale(identifier: self == .de ? "de_DE" : "en_GB") }
}
