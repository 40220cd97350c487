/// Every fixture message, for tests that run over all of them (the mutation fuzz test).
enum Corpus {
    static let all: [(name: String, bytes: [UInt8])] = ClientMessages.all + SpecialMessages.all + MalformedMessages.all
}
