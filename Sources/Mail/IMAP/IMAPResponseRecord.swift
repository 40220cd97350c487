/// One server response as it arrived: its line (continued across literals, each literal's `{n}` marker kept) and
/// the literals' bytes in order.
struct IMAPResponseRecord: Sendable, Equatable {
    var text: [UInt8] = []
    var literals: [[UInt8]] = []
}
