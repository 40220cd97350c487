/// How ``IMAPConnection/login(username:password:method:)`` signs in.
public enum IMAPAuthenticationMethod: Sendable {
    /// `LOGIN user password`.
    case login
    /// `AUTHENTICATE PLAIN` (RFC 4616).
    case plain
}
