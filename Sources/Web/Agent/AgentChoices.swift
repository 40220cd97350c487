import Domain
import Services

/// The agents a form offers as owner or responsible: active agents only, named "First Last (login)", by name.
enum AgentChoices {
    static func options(_ services: WebServices, principal: Principal) async throws -> [(id: Int64, name: String)] {
        try await services.users.activeAgents(by: principal)
            .map { user in
                let name = [user.firstName, user.lastName].filter { !$0.isEmpty }.joined(separator: " ")
                return (user.id, name.isEmpty ? user.login : "\(name) (\(user.login))")
            }
            .sorted { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
    }
}
