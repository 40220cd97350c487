/// Who may see a catalogue category (and submit its form).
public enum CatalogueVisibility: String, Sendable, Codable, CaseIterable {
    /// Everyone, citizens without an account included.
    case everyone
    /// Every signed-in customer.
    case customers
    /// Customers whose contact belongs to one of the category's organisations.
    case organisations
}
