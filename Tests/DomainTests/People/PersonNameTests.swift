import Domain
import Testing

@Suite("Names from display names")
struct PersonNameTests {
    @Test("first and last name, in either order, with particles and titles", arguments: [
        ("Karin Lehmann", "Karin", "Lehmann"),
        ("Lehmann, Karin", "Karin", "Lehmann"),
        ("\"Lehmann, Karin\"", "Karin", "Lehmann"),
        ("Dr. Karin von Lehmann", "Dr. Karin", "von Lehmann"),
        ("Hans-Peter Müller-Lüdenscheidt", "Hans-Peter", "Müller-Lüdenscheidt"),
        ("Bürgerbüro", "", "Bürgerbüro"),
        ("  Erika   Muster  ", "Erika", "Muster"),
    ])
    func parses(text: String, first: String, last: String) {
        #expect(PersonName(parsing: text) == PersonName(first: first, last: last))
    }

    @Test("no name from an address, punctuation or nothing", arguments: ["k.lehmann@stadt.example", "", "  ", "---", ", Karin"])
    func refuses(text: String) {
        #expect(PersonName(parsing: text) == nil)
    }
}
