import Domain

/// The language a synthetic ticket is written in.
public enum HelpDeskLanguage: Sendable {
    case german
    case english
}

/// Synthetic but realistic IT help-desk texts of a city administration, in German and English, built from
/// word lists and sentence patterns with a `SeededRandom`: titles, customer messages, agent replies,
/// internal notes and customer follow-ups. Used to fill benchmark databases and to draw search queries
/// whose words really occur in them.
public struct HelpDeskText: Sendable {
    /// One kind of problem: its search words, titles, symptom sentences, fixes and internal notes.
    struct Topic: Sendable {
        var words: [String]
        var titlesDE: [String]
        var titlesEN: [String]
        var symptomsDE: [String]
        var symptomsEN: [String]
        var fixesDE: [String]
        var fixesEN: [String]
        var notesDE: [String]
        var notesEN: [String]
    }

    /// Who writes about what: fixed per ticket so that all its articles fit together.
    public struct Voice: Sendable {
        public var language: HelpDeskLanguage
        var topic: Int
        public var firstName: String
        public var lastName: String
        public var department: String
        var location: String
        var host: String
        var isFemale: Bool
    }

    public init() {}

    /// Every word that occurs in generated texts and is worth searching for (lowercase).
    public static let searchWords: [String] = {
        var seen = Set<String>()
        return (topics.flatMap(\.words) + extraSearchWords).filter { seen.insert($0).inserted }
    }()

    /// A member of staff (or, without department, a citizen) who reports problems.
    public struct Person: Sendable {
        public var firstName: String
        public var lastName: String
        public var isFemale: Bool
        /// The department's name and short code, nil for citizens.
        public var department: (name: String, code: String)?
    }

    /// Every department name people can work in.
    public static var departmentNames: [String] { departments.map(\.name) }

    /// A new person: staff of a department with probability `staffShare`, else a citizen.
    public func person(_ random: inout SeededRandom, staffShare: Double = 0.85) -> Person {
        let female = random.chance(0.55)
        return Person(
            firstName: female ? random.pick(Self.femaleNames) : random.pick(Self.maleNames), lastName: random.pick(Self.lastNames),
            isFemale: female, department: random.chance(staffShare) ? random.pick(Self.departments) : nil
        )
    }

    /// A writer for a new ticket from `person`: language (about 70 % German), topic and place.
    public func voice(for person: Person, _ random: inout SeededRandom) -> Voice {
        let department = person.department ?? random.pick(Self.departments)
        return Voice(
            language: random.chance(0.7) ? .german : .english,
            topic: random.index(Self.topics.count),
            firstName: person.firstName, lastName: person.lastName, department: department.name,
            location: random.pick(Self.locations),
            host: "PC-\(department.code)-\(1000 + random.index(9000))", isFemale: person.isFemale
        )
    }

    /// A mail address for `person`, unique through `serial`.
    public func mailAddress(for person: Person, serial: Int) -> String {
        let local = Self.ascii(person.firstName + "." + person.lastName) + (serial > 0 ? String(serial) : "")
        if person.department != nil { return local + "@stadt.example" }
        return local + ["@web.example", "@mail.example", "@posteo.example", "@t-online.example"][serial % 4]
    }

    /// Lowercase ASCII for a name: umlauts and ß transliterated, everything else but letters and dots dropped.
    static func ascii(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "ß": result += "ss"
            case "a"..."z", ".": result.append(character)
            default: break
            }
        }
        return result
    }

    /// The ticket title.
    public func title(_ voice: Voice, _ random: inout SeededRandom) -> String {
        let topic = Self.topics[voice.topic]
        let title = fill(voice.language == .german ? random.pick(topic.titlesDE) : random.pick(topic.titlesEN), voice, &random)
        return random.chance(0.2) ? title + " (" + voice.department + ")" : title
    }

    /// The first message from the customer describing the problem.
    public func customerMessage(_ voice: Voice, _ random: inout SeededRandom) -> String {
        let topic = Self.topics[voice.topic]
        let german = voice.language == .german
        var text = (german ? random.pick(Self.greetingsDE) : random.pick(Self.greetingsEN)) + "\n\n"
        text += fill(german ? random.pick(Self.openingsDE) : random.pick(Self.openingsEN), voice, &random) + " "
        text += fill(german ? random.pick(topic.symptomsDE) : random.pick(topic.symptomsEN), voice, &random) + " "
        if random.chance(0.6) { text += fill(german ? random.pick(topic.symptomsDE) : random.pick(topic.symptomsEN), voice, &random) + " " }
        text += fill(german ? random.pick(Self.detailsDE) : random.pick(Self.detailsEN), voice, &random)
        if random.chance(0.5) { text += " " + fill(german ? random.pick(Self.impactsDE) : random.pick(Self.impactsEN), voice, &random) }
        text += "\n\n" + fill(german ? random.pick(Self.assetLinesDE) : random.pick(Self.assetLinesEN), voice, &random)
        text += "\n\n" + signature(voice, &random)
        return text
    }

    /// A reply from the service desk to the customer.
    public func agentReply(_ voice: Voice, agent: String, _ random: inout SeededRandom) -> String {
        let topic = Self.topics[voice.topic]
        let german = voice.language == .german
        var text: String
        if german {
            text = (voice.isFemale ? "Sehr geehrte Frau " : "Sehr geehrter Herr ") + voice.lastName + ",\n\n"
            text += random.pick(Self.replyOpeningsDE) + " " + fill(random.pick(topic.fixesDE), voice, &random) + " "
            text += fill(random.pick(Self.replyClosingsDE), voice, &random)
            text += "\n\nMit freundlichen Grüßen\n" + agent + "\nIT-Servicedesk der Stadtverwaltung\nTelefon 0361 655-1234"
        } else {
            text = "Dear " + (voice.isFemale ? "Ms " : "Mr ") + voice.lastName + ",\n\n"
            text += random.pick(Self.replyOpeningsEN) + " " + fill(random.pick(topic.fixesEN), voice, &random) + " "
            text += fill(random.pick(Self.replyClosingsEN), voice, &random)
            text += "\n\nKind regards\n" + agent + "\nIT service desk, city administration\nPhone +49 361 655-1234"
        }
        return text
    }

    /// An internal note by an agent.
    public func internalNote(_ voice: Voice, _ random: inout SeededRandom) -> String {
        let topic = Self.topics[voice.topic]
        let german = voice.language == .german
        var text = fill(german ? random.pick(topic.notesDE) : random.pick(topic.notesEN), voice, &random)
        if random.chance(0.5) { text += " " + fill(german ? random.pick(Self.genericNotesDE) : random.pick(Self.genericNotesEN), voice, &random) }
        return text
    }

    /// A follow-up from the customer.
    public func customerReply(_ voice: Voice, _ random: inout SeededRandom) -> String {
        let german = voice.language == .german
        var text = (german ? "Hallo,\n\n" : "Hello,\n\n") + fill(german ? random.pick(Self.followUpsDE) : random.pick(Self.followUpsEN), voice, &random)
        if random.chance(0.4) { text += " " + fill(german ? random.pick(Self.detailsDE) : random.pick(Self.detailsEN), voice, &random) }
        return text + "\n\n" + signature(voice, &random)
    }

    /// A customer message of at least `minimumLength` characters (for create requests of a known size).
    public func longMessage(_ voice: Voice, minimumLength: Int, _ random: inout SeededRandom) -> String {
        var text = customerMessage(voice, &random)
        let topic = Self.topics[voice.topic]
        let german = voice.language == .german
        while text.utf8.count < minimumLength {
            text += "\n\n" + fill(german ? random.pick(Self.addendaDE) : random.pick(Self.addendaEN), voice, &random) + " "
            text += fill(german ? random.pick(topic.symptomsDE) : random.pick(topic.symptomsEN), voice, &random)
        }
        return text
    }

    /// A search query of one to three words from `searchWords`, mostly from one topic (as people search).
    public func searchQuery(_ random: inout SeededRandom) -> String {
        let count = 1 + random.weighted([5, 4, 1])
        let topic = Self.topics[random.index(Self.topics.count)]
        var words: [String] = []
        while words.count < count {
            let word = random.chance(0.8) ? random.pick(topic.words) : random.pick(Self.searchWords)
            if !words.contains(word) { words.append(word) }
        }
        return words.joined(separator: " ")
    }

    private func signature(_ voice: Voice, _ random: inout SeededRandom) -> String {
        let german = voice.language == .german
        let phone = "0361 655-\(2000 + random.index(7000))"
        return (german ? random.pick(Self.closingsDE) : random.pick(Self.closingsEN)) + "\n" + voice.firstName + " " + voice.lastName
            + "\n" + voice.department + "\n" + (german ? "Telefon " : "Phone ") + phone
    }

    /// Replaces the placeholders `{ort}`, `{host}`, `{inv}`, `{code}`, `{n}`, `{dept}`, `{case}` and `{app}`.
    private func fill(_ pattern: String, _ voice: Voice, _ random: inout SeededRandom) -> String {
        guard pattern.contains("{") else { return pattern }
        var result = ""
        result.reserveCapacity(pattern.utf8.count + 32)
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            switch rest[rest.index(after: open)..<close] {
            case "ort": result += voice.location
            case "host": result += voice.host
            case "inv": result += "INV-\(10000 + random.index(90000))"
            case "code": result += "0x8007" + String(random.index(0xFFFF), radix: 16, uppercase: true)
            case "n": result += String(2 + random.index(14))
            case "dept": result += voice.department
            case "case": result += "\(100_000 + random.index(900_000))"
            case "app": result += random.pick(Self.applications)
            default: result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
