/// What a request form may refer to, looked up once when a form is saved or previewed.
public struct FormReferences: Sendable {
    /// The ticket field definitions, by name.
    public var fields: [String: FieldDefinition]
    public var queueIDs: Set<Int64>
    public var typeIDs: Set<Int64>
    public var priorityIDs: Set<Int64>
    public var serviceIDs: Set<Int64>
    public var ciClassIDs: Set<Int64>

    public init(
        fields: [FieldDefinition], queueIDs: Set<Int64>, typeIDs: Set<Int64>, priorityIDs: Set<Int64>, serviceIDs: Set<Int64>,
        ciClassIDs: Set<Int64>
    ) {
        self.fields = Dictionary(fields.filter { $0.object == .ticket }.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.queueIDs = queueIDs
        self.typeIDs = typeIDs
        self.priorityIDs = priorityIDs
        self.serviceIDs = serviceIDs
        self.ciClassIDs = ciClassIDs
    }
}
