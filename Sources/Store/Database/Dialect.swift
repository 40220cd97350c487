/// The SQL engine behind a `Database`; queries that differ between the two switch on it.
public enum Dialect: String, Sendable {
    case sqlite
    case postgres
}
