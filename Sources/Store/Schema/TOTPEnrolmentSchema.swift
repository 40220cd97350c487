/// Migration 3: a second-factor secret waiting for its first code before it takes effect.
enum TOTPEnrolmentSchema {
    static let migration = Migration(id: 3, name: "totp-enrolment") { _ in
        ["ALTER TABLE users ADD COLUMN totp_pending TEXT"]
    }
}
