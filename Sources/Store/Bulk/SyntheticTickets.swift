import Domain
import Foundation

/// One ticket with its articles as the bulk seeder writes it: ids, number and times already assigned.
struct BulkTicket: Sendable {
    var ticket: Ticket
    var articles: [Article]
    /// The SLA clocks of a ticket that is not closed (`ticket.sla` summarises them); nil for closed ones.
    var slaClocks: TicketSLAClocks?
}

/// The master data and people tickets are spread over.
struct SeedPopulation: Sendable {
    struct Contact: Sendable {
        var id: Int64
        var organisationID: Int64?
        var email: String
        var person: HelpDeskText.Person
    }

    struct Agent: Sendable {
        var id: Int64
        var name: String
    }

    var queueIDs: [Int64]
    var queueWeights: [Double]
    /// State ids by type; a type may be missing.
    var states: [StateType: [Int64]]
    var suspendingStateIDs: Set<Int64>
    var priorityIDs: [Int64]
    var priorityWeights: [Double]
    var typeIDs: [Int64]
    var typeWeights: [Double]
    var serviceIDs: [Int64]
    var agents: [Agent]
    var contacts: [Contact]
    /// The SLA every open ticket runs under, counted in Saxony's administration week.
    var slaTerms: SLATerms
}

/// Makes the synthetic tickets: spread evenly over `span` up to `now` (ids follow creation time), over
/// queues, states (old tickets mostly closed, recent ones new, open or pending), priorities, types,
/// services, owners and contacts; about four articles each (customer message, replies, notes,
/// follow-ups), one showcase ticket with exactly `showcaseArticles`.
///
/// Each ticket draws from its own generator seeded by `seed` and its index, so the data does not depend
/// on batch sizes. Numbers need per-day counters and come from `TicketNumbering`.
struct SyntheticTicketFactory: Sendable {
    let population: SeedPopulation
    let seed: UInt64
    let count: Int
    let now: Date
    let span: TimeInterval
    let showcaseIndex: Int
    let showcaseArticles: Int
    let text = HelpDeskText()

    static let serviceDesk = "servicedesk@stadt.example"

    /// The ticket at `index` (0-based, in creation order) with ids from `ticketID` and `firstArticleID`.
    func make(index: Int, ticketID: Int64, firstArticleID: Int64, numbering: inout TicketNumbering) -> BulkTicket {
        var random = SeededRandom(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        _ = random.next()
        let step = span / Double(max(count, 1))
        let nowMillis = now.millis
        let created = now.addingTimeInterval(-span + (Double(index) + random.unit()) * step).addingTimeInterval(-60)
        let age = now.timeIntervalSince(created)
        let contact = random.pick(population.contacts)
        let voice = text.voice(for: contact.person, &random)
        let title = text.title(voice, &random)
        let number = numbering.next(for: created)

        let stateType = Self.stateType(age: age, &random)
        let candidates: [Int64] = population.states[stateType] ?? population.states[.open] ?? population.states.values.first ?? []
        let stateID: Int64 = candidates.isEmpty ? 1 : random.pick(candidates)
        let owner: SeedPopulation.Agent? = stateType == .new || population.agents.isEmpty ? nil : random.pick(population.agents)
        var articleCount = stateType == .new ? 1 + random.index(2) : 1 + random.index(7)
        if index == showcaseIndex { articleCount = showcaseArticles }

        let channel: ArticleChannel = [.email, .email, .email, .web, .phone][random.index(5)]
        let german = voice.language == .german
        let customerName = contact.person.firstName + " " + contact.person.lastName
        var articles: [Article] = []
        articles.reserveCapacity(articleCount)
        var time = created
        for position in 0..<articleCount {
            if position > 0 {
                // Gaps from a few minutes to a couple of days, never in the future.
                let gap = 300 * exp(random.unit() * 6.3)
                time = min(time.addingTimeInterval(gap), now.addingTimeInterval(-Double(articleCount - position)))
            }
            let articleID = firstArticleID + Int64(position)
            if position == 0 {
                let body = text.customerMessage(voice, &random)
                articles.append(Article(
                    id: articleID, ticketID: ticketID, channel: channel, sender: .customer, customerVisible: true,
                    from: channel == .phone ? customerName : "\(customerName) <\(contact.email)>",
                    to: channel == .email ? Self.serviceDesk : nil, subject: title, bodyText: body, createdAt: time,
                    createdBy: channel == .phone ? owner?.id : nil
                ))
                continue
            }
            let roll = random.unit()
            let agent = owner ?? random.pick(population.agents)
            let replySubject = (german ? "AW: [Ticket#" : "Re: [Ticket#") + number + "] " + title
            if position % 2 == 1 ? roll < 0.7 : roll < 0.2 {
                articles.append(Article(
                    id: articleID, ticketID: ticketID, channel: .email, sender: .agent, customerVisible: true,
                    from: "IT-Servicedesk <\(Self.serviceDesk)>", to: contact.email, subject: replySubject,
                    bodyText: text.agentReply(voice, agent: agent.name, &random), createdAt: time, createdBy: agent.id
                ))
            } else if position % 2 == 1 || roll < 0.4 {
                articles.append(Article(
                    id: articleID, ticketID: ticketID, channel: .note, sender: .agent, customerVisible: false,
                    subject: german ? "Notiz" : "Note", bodyText: text.internalNote(voice, &random), createdAt: time, createdBy: agent.id
                ))
            } else {
                articles.append(Article(
                    id: articleID, ticketID: ticketID, channel: .email, sender: .customer, customerVisible: true,
                    from: "\(customerName) <\(contact.email)>", to: Self.serviceDesk, subject: replySubject,
                    bodyText: text.customerReply(voice, &random), createdAt: time
                ))
            }
        }
        var changed = time
        if stateType == .closed || stateType == .removed {
            changed = min(changed.addingTimeInterval(600 + random.unit() * 86_400), Date(millis: nowMillis))
        }
        let pendingUntil = stateType.isPending ? now.addingTimeInterval(3600 * Double(1 + random.index(14 * 24))) : nil

        var ticket = Ticket(
            id: ticketID, number: number, title: title, queueID: population.queueIDs[random.weighted(population.queueWeights)],
            stateID: stateID, priorityID: population.priorityIDs[random.weighted(population.priorityWeights)],
            typeID: population.typeIDs.isEmpty ? nil : population.typeIDs[random.weighted(population.typeWeights)],
            serviceID: population.serviceIDs.isEmpty || random.chance(0.3) ? nil : random.pick(population.serviceIDs),
            ownerID: owner?.id, contactID: contact.id, organisationID: contact.organisationID, pendingUntil: pendingUntil,
            createdAt: created, changedAt: changed, createdBy: channel == .phone ? owner?.id : nil, version: Int64(articleCount)
        )
        var clocks: TicketSLAClocks?
        if !stateType.isClosed {
            clocks = slaClocks(for: ticket, articles: articles, channel: channel)
            ticket.sla = clocks.map(TicketSLASummary.init) ?? .none
        }
        return BulkTicket(ticket: ticket, articles: articles, slaClocks: clocks)
    }

    /// The clocks an open ticket would have after its articles: started at creation, moved by every
    /// customer-visible exchange, paused when its state suspends SLAs.
    private func slaClocks(for ticket: Ticket, articles: [Article], channel: ArticleChannel) -> TicketSLAClocks {
        let calendar = BusinessCalendar.saxony
        var clocks = TicketSLAClocks.started(at: ticket.createdAt, channel: channel, terms: population.slaTerms, calendar: calendar)
        for article in articles.dropFirst() where article.customerVisible {
            clocks.apply(article.sender == .agent ? .customerVisibleAgentReply : .customerVisibleCustomerMessage, at: article.createdAt, calendar: calendar)
        }
        if population.suspendingStateIDs.contains(ticket.stateID) {
            clocks.apply(.stateChanged(suspendsSLA: true, isClosed: false), at: ticket.changedAt, calendar: calendar)
        }
        return clocks
    }

    /// Old tickets are almost all closed; the last days hold the new, open and pending ones.
    static func stateType(age: TimeInterval, _ random: inout SeededRandom) -> StateType {
        let day = 86_400.0
        let (types, weights): ([StateType], [Double]) = switch age {
        case ..<(3 * day): ([.new, .open, .pendingReminder, .closed], [45, 35, 10, 10])
        case ..<(30 * day): ([.new, .open, .pendingReminder, .pendingAutoClose, .closed], [8, 25, 9, 3, 55])
        default: ([.open, .pendingReminder, .closed, .removed], [2, 1, 96, 1])
        }
        return types[random.weighted(weights)]
    }
}

/// Ticket numbers for synthetic tickets: per-day counters continuing after any the database holds already.
struct TicketNumbering: Sendable {
    let systemID: Int
    let timeZone: TimeZone
    /// Counter values by day key (`YYYYMMDD`, as `TicketService` names its counters `ticket.YYYYMMDD`).
    var counters: [String: Int64]
    private var calendar: Calendar

    init(systemID: Int, timeZone: TimeZone, counters: [String: Int64]) {
        self.systemID = systemID
        self.timeZone = timeZone
        self.counters = counters
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The next number for a ticket created at `date`.
    mutating func next(for date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let key = String((parts.year ?? 0) * 10_000 + (parts.month ?? 0) * 100 + (parts.day ?? 0))
        let counter = (counters[key] ?? 0) + 1
        counters[key] = counter
        return TicketNumber.make(date: date, timeZone: timeZone, systemID: systemID, counter: Int(counter)).rawValue
    }
}
