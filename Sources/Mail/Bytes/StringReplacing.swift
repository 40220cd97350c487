extension String {
    /// The string with every `target` replaced (Foundation-free, for the few escapes headers need).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
