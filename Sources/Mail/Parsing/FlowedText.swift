/// Undoing `format=flowed` (RFC 3676), with which Thunderbird and Apple Mail send paragraphs as lines that end in
/// a space: such lines are joined with the next line of the same quote depth into one line.
enum FlowedText {
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var previousFlowed = false
        var previousDepth = 0
        var first = true
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine[...]
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }  // space-stuffing
            let isSignatureSeparator = line == "-- "
            let flowed = !isSignatureSeparator && line.last == " "
            if flowed, deleteSpace { line = line.dropLast() }

            if previousFlowed, depth == previousDepth {
                output += line
            } else {
                if !first { output += "\n" }
                if depth > 0 { output += String(repeating: ">", count: depth) + " " }
                output += line
            }
            first = false
            previousFlowed = flowed
            previousDepth = depth
        }
        return output
    }
}
