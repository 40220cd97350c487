import Domain
import Foundation
import Testing

@Suite struct SLAAssignmentTests {
    private func subject(
        services: [Int64] = [], queues: [Int64] = [10], type: Int64? = nil, priority: Int64? = nil
    ) -> SLAAssignment.Subject {
        SLAAssignment.Subject(servicePath: services, queuePath: queues, typeID: type, priorityID: priority)
    }

    private let bindings: [SLABinding] = [
        SLABinding(scope: .default, slaID: 1),
        SLABinding(scope: .queue(10), slaID: 2),
        SLABinding(scope: .queue(10), priorityID: 5, slaID: 3),
        SLABinding(scope: .service(20), slaID: 4),
        SLABinding(scope: .service(20), typeID: 7, slaID: 5),
        SLABinding(scope: .service(20), priorityID: 5, slaID: 6),
        SLABinding(scope: .service(20), typeID: 7, priorityID: 5, slaID: 7),
        SLABinding(scope: .service(30), typeID: 8, slaID: 8),
    ]

    private func sla(_ subject: SLAAssignment.Subject) -> Int64? {
        SLAAssignment.select(from: bindings, for: subject)?.slaID
    }

    @Test func serviceThenQueueThenDefault() {
        #expect(sla(subject(services: [20])) == 4)
        #expect(sla(subject(queues: [10])) == 2)
        #expect(sla(subject(queues: [11])) == 1)
        #expect(SLAAssignment.select(from: [], for: subject()) == nil)
    }

    @Test func mostSpecificBindingWins() {
        #expect(sla(subject(services: [20], type: 7, priority: 5)) == 7)
        #expect(sla(subject(services: [20], type: 7, priority: 4)) == 5)
        #expect(sla(subject(services: [20], type: 6, priority: 5)) == 6)
        #expect(sla(subject(queues: [10], priority: 5)) == 3)
    }

    @Test func ancestorsAndNonMatchingFilters() {
        // Service 30 only binds type 8; for another type the queue decides.
        #expect(sla(subject(services: [30], type: 9)) == 2)
        #expect(sla(subject(services: [30], type: 8)) == 8)
        // A sub-service without bindings inherits its parent's; a sub-queue its parent queue's.
        #expect(sla(subject(services: [21, 20])) == 4)
        #expect(sla(subject(queues: [12, 10])) == 2)
    }

    @Test func duplicatesAreReported() {
        let issues = SLAAssignment.validate(bindings + [SLABinding(scope: .queue(10), priorityID: 5, slaID: 9)])
        #expect(issues == [FieldIssue(field: "bindings[8]", .duplicate, detail: "The same scope, type and priority as bindings[2].")])
        #expect(SLAAssignment.validate(bindings) == [])
    }

    @Test func bindingsEncodeFlat() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode([bindings[0], bindings[2]]), as: UTF8.self)
        #expect(json == #"[{"scope":"default","slaID":1},"#
            + #"{"priorityID":5,"scope":"queue","scopeID":10,"slaID":3}]"#)
        #expect(try JSONDecoder().decode([SLABinding].self, from: Data(json.utf8)) == [bindings[0], bindings[2]])
    }
}
