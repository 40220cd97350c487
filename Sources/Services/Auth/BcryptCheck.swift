import HummingbirdBcrypt

/// Verifies a password against a bcrypt hash.
enum BcryptCheck {
    static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
