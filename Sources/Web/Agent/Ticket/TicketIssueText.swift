import Domain

extension PageRenderer {
    /// A problem of a ticket form as the page lists it above the form: the issue's text in the request's language,
    /// led by the attribute's label (`ticketView.field.NAME`) when the issue concerns one, since the list stands
    /// apart from the controls.
    func ticketIssue(_ issue: FieldIssue, _ context: AppRequestContext) -> [String: String] {
        let key = "ticketView.field." + issue.field
        let label = text(key, context)
        let message = text(of: issue, context)
        return ["field": issue.field, "message": label == key ? message : "\(label): \(message)"]
    }
}
