/// A published solution offered while a requester types: the solved ticket's title and the public answer.
public struct SolutionHint: Sendable, Equatable, Codable {
    public var articleID: Int64
    public var title: String
    public var text: String

    public init(articleID: Int64, title: String, text: String) {
        self.articleID = articleID
        self.title = title
        self.text = text
    }
}
