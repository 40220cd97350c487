import Foundation

/// Text compared the way people search: without case and accents, `ß` as `ss` (so `Strasse` finds `Straße`).
public enum TextFolding {
    /// `text` lowercased, with diacritics removed and `ß` spelled `ss`.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "ß", with: "ss")
    }
}
