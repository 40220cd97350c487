import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Services
import Store
import Web

/// A migrated, seeded Ticketwerk on a fresh database with an admin token, driven through the real router.
struct TestSystem: Sendable {
    let backend: TestBackend
    let services: WebServices
    let adminToken: String

    var database: Database { services.context.database }

    /// Runs `body` against a new system and tears it down afterwards. With `clock`, the system's "now" is the
    /// clock's time, which the test moves.
    static func run(
        _ backend: TestBackend, clock: TestClock? = nil, _ body: @Sendable (TestSystem, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await backend.withDatabase { location in
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let database = try await Database.open(location, logger: logger)
            do {
                try await Migrator(database: database).migrate()
                let now: @Sendable () -> Date
                if let clock { now = { clock.now } } else { now = Date.init }
                let context = ServiceContext(database: database, logger: logger, configuration: .init(bcryptCost: 4), now: now)
                _ = try await Seeder(context: context).seedIfEmpty(adminPassword: "admin-password")
                let (token, _) = try await AuthService(context: context).createToken(forLogin: "admin", name: "test", by: .system)
                let services = WebServices(context: context)
                let system = TestSystem(backend: backend, services: services, adminToken: token)
                let app = try buildApplication(services: services, settings: ServerSettings(port: 0), logger: logger)
                try await app.test(.router) { client in
                    try await body(system, client)
                }
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }
    }

    /// Creates an agent with a role granting `rights` per queue name and the role-wide rights `cmdb` (by default: both
    /// CMDB rights when the role grants queue rights, as migration 16 gave every existing role), and returns a token.
    func agent(_ login: String, rights: [String: QueueRights], cmdb: RoleRights? = nil, isAdmin: Bool = false) async throws -> (id: Int64, token: String) {
        let master = try await services.masterData.snapshot()
        let roleRights = cmdb ?? (rights.isEmpty ? [] : .all)
        var roleIDs: [Int64] = []
        if !rights.isEmpty || !roleRights.isEmpty {
            let queues = Dictionary(uniqueKeysWithValues: try rights.map { name, set in
                guard let queue = master.queues.first(where: { $0.name == name }) else { throw TestSetupError.unexpected("queue \(name)") }
                return (String(queue.id), set.names)
            })
            let input = try JSONDecoder().decode(RoleInput.self, from: JSONSerialization.data(withJSONObject: [
                "name": "role-\(login)", "queues": queues, "rights": roleRights.names,
            ]))
            roleIDs = [try await services.users.createRole(input, by: .system).id]
        }
        var newUser = NewUser(login: login, password: "password-\(login)", isAgent: true, isAdmin: isAdmin)
        newUser.roleIds = roleIDs
        let user = try await services.users.create(newUser, by: .system)
        let (token, _) = try await services.auth.createToken(forLogin: login, name: "test", by: .system)
        return (user.id, token)
    }

    /// Creates a customer account for a new contact with `email` (in `organisationID`), and returns a token.
    func customer(_ login: String, email: String, organisationID: Int64? = nil, seesOrganisation: Bool = false) async throws -> (contactID: Int64, token: String) {
        let input = try JSONDecoder().decode(ContactInput.self, from: JSONSerialization.data(withJSONObject: [
            "lastName": login, "emails": [email], "organisationId": organisationID as Any,
        ].compactMapValues { $0 is NSNull ? nil : $0 }))
        let contact = try await services.people.saveContact(nil, input, by: .system).value
        var newUser = NewUser(login: login, password: "password-\(login)", isAgent: false)
        newUser.isCustomer = true
        newUser.contactId = contact.id
        newUser.seesOrganisationTickets = seesOrganisation
        _ = try await services.users.create(newUser, by: .system)
        let (token, _) = try await services.auth.createToken(forLogin: login, name: "test", by: .system)
        return (contact.id, token)
    }

    /// How many rows a table holds (to prove that rejected requests changed nothing).
    func count(_ table: String) async throws -> Int {
        try await database.read { db in
            Int(try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int64.self) ?? 0)
        }
    }
}

/// A decoded JSON response.
struct JSONResponse: @unchecked Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: Any?
    let raw: ByteBuffer

    subscript(key: String) -> Any? { (body as? [String: Any])?[key] }
    var object: [String: Any] { body as? [String: Any] ?? [:] }
    var items: [[String: Any]] { self["items"] as? [[String: Any]] ?? [] }
    var contentType: String { headers[.contentType] ?? "" }
    var isProblem: Bool { contentType.hasPrefix("application/problem+json") }
}

extension TestClientProtocol {
    /// Sends a request with a bearer token and a JSON (or raw) body; decodes a JSON answer.
    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String?, json: Any? = nil, raw: [UInt8]? = nil, headers: HTTPFields = [:]
    ) async throws -> JSONResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        } else if let raw {
            body = ByteBuffer(bytes: raw)
        }
        let response = try await executeRequest(uri: uri, method: method, headers: headers, body: body)
        let data = Data(buffer: response.body)
        let decoded = data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return JSONResponse(status: response.status, headers: response.headers, body: decoded, raw: response.body)
    }
}

extension Dictionary where Key == String, Value == Any {
    func int(_ key: String) -> Int64? { (self[key] as? NSNumber)?.int64Value }
    func string(_ key: String) -> String? { self[key] as? String }
}
