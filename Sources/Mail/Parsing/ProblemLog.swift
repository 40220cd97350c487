/// The problems found while parsing one message: each told once, and at most a bounded number, so that hostile
/// input cannot make the list itself large.
struct ProblemLog {
    private(set) var entries: [String] = []
    private var seen: Set<String> = []
    private var suppressed = 0

    static let maximumEntries = 50

    mutating func add(_ text: String) {
        // Problems quote the message; they must be storable like any header value.
        let problem = HeaderText.sanitized(text)
        guard !seen.contains(problem) else { return }
        guard entries.count < Self.maximumEntries else {
            suppressed += 1
            return
        }
        seen.insert(problem)
        entries.append(problem)
    }

    var all: [String] {
        suppressed == 0 ? entries : entries + ["\(suppressed) further problems not listed"]
    }
}
