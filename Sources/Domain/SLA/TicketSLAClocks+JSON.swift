import Foundation

extension TicketSLAClocks {
    /// The clocks as JSON text, written by hand because `JSONEncoder` cost a tenth of the single SQLite writer's
    /// time per new ticket. The text is what `JSONEncoder` with `.millisecondsSince1970` writes for the synthesised
    /// `Codable` conformance (same keys, absent optionals left out), so `JSONDecoder` reads it back unchanged.
    public var jsonText: String {
        var object = JSONObjectWriter()
        object.raw("firstResponse", firstResponse.jsonText)
        object.raw("update", update.jsonText)
        object.raw("solution", solution.jsonText)
        return object.finished()
    }
}

extension SLAClock {
    fileprivate var jsonText: String {
        var object = JSONObjectWriter()
        object.string("kind", kind.rawValue)
        object.raw("terms", terms.jsonText)
        object.string("phase", phase.rawValue)
        object.date("startedAt", startedAt)
        object.date("countedUntil", countedUntil)
        object.int("consumedSeconds", consumedSeconds)
        object.int("pausedSeconds", pausedSeconds)
        object.date("dueAt", dueAt)
        object.date("warnAt", warnAt)
        object.date("metAt", metAt)
        object.date("stoppedAt", stoppedAt)
        object.date("breachedAt", breachedAt)
        object.bool("warningEscalated", warningEscalated)
        object.bool("breachEscalated", breachEscalated)
        object.int("cycle", cycle)
        object.int("breachedCycles", breachedCycles)
        object.int("reopenCount", reopenCount)
        object.raw("periods", "[" + periods.map(\.jsonText).joined(separator: ",") + "]")
        return object.finished()
    }
}

extension SLATerms {
    fileprivate var jsonText: String {
        var targetsObject = JSONObjectWriter()
        targetsObject.int("firstResponseMinutes", targets.firstResponseMinutes)
        targetsObject.int("updateMinutes", targets.updateMinutes)
        targetsObject.int("solutionMinutes", targets.solutionMinutes)
        var object = JSONObjectWriter()
        object.int("slaID", slaID.map(Int.init))
        object.raw("targets", targetsObject.finished())
        object.int("warnAtPercent", warnAtPercent)
        object.string("phoneTickets", phoneTickets.rawValue)
        return object.finished()
    }
}

extension SLAClockPeriod {
    fileprivate var jsonText: String {
        var object = JSONObjectWriter()
        object.string("mode", mode.rawValue)
        object.date("start", start)
        object.date("end", end)
        object.int("workingSeconds", workingSeconds)
        return object.finished()
    }
}

/// Appends the members of one JSON object to a text, leaving out absent values as `JSONEncoder` does.
private struct JSONObjectWriter {
    private var output = "{"
    private var isFirst = true

    mutating func raw(_ key: String, _ json: String) {
        output.append(isFirst ? "\"" : ",\"")
        isFirst = false
        output.append(key)
        output.append("\":")
        output.append(json)
    }

    mutating func string(_ key: String, _ value: String) { raw(key, JSONText.string(value)) }

    mutating func bool(_ key: String, _ value: Bool) { raw(key, value ? "true" : "false") }

    mutating func int(_ key: String, _ value: Int?) {
        if let value { raw(key, String(value)) }
    }

    /// Milliseconds since 1970 as `JSONEncoder.DateEncodingStrategy.millisecondsSince1970` writes them: a
    /// whole number when there is no fraction, otherwise the shortest decimal that reads back to the same `Double`.
    mutating func date(_ key: String, _ value: Date?) {
        guard let value else { return }
        let millis = value.timeIntervalSince1970 * 1000
        if millis.rounded() == millis, abs(millis) < 9_007_199_254_740_992 {
            raw(key, String(Int64(millis)))
        } else {
            raw(key, "\(millis)")
        }
    }

    consuming func finished() -> String {
        output.append("}")
        return output
    }
}
