import Domain

extension AppRequestContext {
    /// The signed-in agent if they may change the CMDB; the item forms and the import page refuse everyone else with
    /// 403 before showing a form they could not send.
    func requireCMDBWriter() throws -> Principal {
        let principal = try requireAgent()
        try AccessPolicy.requireCMDBWriter(principal)
        return principal
    }
}
