import Domain

/// What a re-rendered ticket page keeps of a form the agent sent: which form, the values as sent, the problems
/// the Services found, and whether the form was refused because the ticket changed meanwhile.
struct TicketFormState {
    /// The forms of the ticket page.
    enum Form: String {
        case compose, attributes, merge, split, link, time
    }

    var form: Form
    var values: FormData
    var issues: [FieldIssue] = []
    var isStale = false

    /// The state of `form` if this is it, else nil.
    func values(of form: Form) -> FormData? {
        self.form == form ? values : nil
    }
}

/// Which compose form the ticket page opens (`?compose=reply&article=ID`), and the article it answers.
struct ComposeRequest {
    /// The kinds of article an agent writes on the ticket page.
    enum Kind: String, CaseIterable {
        case reply, replyAll, forward, note, phone

        /// Whether the article leaves as mail.
        var isMail: Bool { self == .reply || self == .replyAll || self == .forward }
    }

    var kind: Kind
    var articleID: Int64?
}
